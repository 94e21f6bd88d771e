// Line scanner for YAML document boundaries. Document markers only count at column 0, where
// YAML forbids them inside any scalar, so no parsing is needed to find them. The same pass
// notes what the parsers need to know before parsing: a block-style document's kind, its size,
// and lines that are not text.
#include "faultline/load/splitter.hpp"

#include <utility>

#include "faultline/load/text_checks.hpp"

namespace faultline::load {
namespace {

/// True when `line` is the marker `---` or `...` alone or followed by whitespace.
bool is_marker(std::string_view line, std::string_view marker) {
  if (line.substr(0, 3) != marker) return false;
  return line.size() == 3 || line[3] == ' ' || line[3] == '\t' || line[3] == '\r';
}

std::string_view trim_left(std::string_view s) {
  const auto pos = s.find_first_not_of(" \t");
  return pos == std::string_view::npos ? std::string_view{} : s.substr(pos);
}

/// The plain or quoted scalar after `key:` on a top-level line, without a trailing comment.
std::string top_level_value(std::string_view rest) {
  rest = trim_left(rest);
  if (!rest.empty() && (rest.front() == '"' || rest.front() == '\'')) {
    const auto close = rest.find(rest.front(), 1);
    return close == std::string_view::npos ? std::string{} : std::string(rest.substr(1, close - 1));
  }
  const auto comment = rest.find(" #");
  if (comment != std::string_view::npos) rest = rest.substr(0, comment);
  while (!rest.empty() && (rest.back() == ' ' || rest.back() == '\t' || rest.back() == '\r')) rest.remove_suffix(1);
  return std::string(rest);
}

}  // namespace

DocumentSplitter::DocumentSplitter(std::function<void(RawDocument&&)> on_doc, std::size_t max_document_bytes)
    : on_doc_(std::move(on_doc)), max_bytes_(max_document_bytes) {}

void DocumentSplitter::start(int first_line) {
  doc_ = RawDocument{};
  doc_.first_line = first_line;
  flow_ = FlowState{};
}

void DocumentSplitter::add_line(std::string_view line, std::size_t full_length, bool cut) {
  ++line_no_;
  if (line_no_ == 1) start(1);
  if (!cut && is_marker(line, "---")) {
    on_doc_(std::move(doc_));
    start(line_no_);
    const std::string_view rest = trim_left(line.substr(3));
    doc_.first_column_shift = static_cast<int>(line.size() - rest.size());
    append(rest, rest.size());
  } else if (!cut && is_marker(line, "...")) {
    on_doc_(std::move(doc_));
    start(line_no_ + 1);
  } else if (!doc_.has_content && !line.empty() && line.front() == '%') {
    doc_.text.push_back('\n');  // a directive: kept out of the text, the line count preserved
  } else if (cut) {
    flow_.phase = FlowState::Phase::off;  // the rest of the line is unknown: the parser judges
    append(line, full_length);
  } else {
    add_content(line, full_length);
  }
}

void DocumentSplitter::add_content(std::string_view line, std::size_t full_length) {
  std::size_t from = 0;
  for (std::size_t next = next_flow_value(line, from); next != std::string_view::npos; next = next_flow_value(line, from)) {
    if (next > from) append(line.substr(from, next - from), next - from);
    on_doc_(std::move(doc_));
    start(line_no_);
    doc_.first_column_shift = static_cast<int>(next);
    from = next;
  }
  append(line.substr(from), full_length - from);
}

/// A YAML document holds one value: once a top-level `{…}` or `[…]` has closed, another one can
/// only be the next JSON value of a concatenated stream. Strings are skipped (a quote opens one
/// only where a value may start, as in JSON), and so are comments. Anything else after the close
/// stops the scan and is left to the parser to judge.
std::size_t DocumentSplitter::next_flow_value(std::string_view line, std::size_t from) {
  using Phase = FlowState::Phase;
  FlowState& f = flow_;
  for (std::size_t i = from; i < line.size() && f.phase != Phase::off; ++i) {
    if (f.quote != 0) {
      i = skip_string(line, i);
      continue;
    }
    const char c = line[i];
    if (c == ' ' || c == '\t' || c == '\r') continue;
    if (c == '#' && (i == 0 || line[i - 1] == ' ' || line[i - 1] == '\t')) break;  // a comment to the end of the line
    const bool opens = c == '{' || c == '[';
    switch (f.phase) {
      case Phase::before:
        f.phase = opens ? Phase::inside : Phase::off;
        break;
      case Phase::closed:
        if (opens) return i;
        f.phase = Phase::off;
        continue;
      case Phase::inside:
        if ((c == '"' || c == '\'') && (f.last == '{' || f.last == '[' || f.last == ',' || f.last == ':')) f.quote = c;
        break;
      case Phase::off:
        break;
    }
    if (opens) ++f.depth;
    else if ((c == '}' || c == ']') && --f.depth == 0) f.phase = Phase::closed;
    f.last = c;
  }
  return std::string_view::npos;
}

/// String text is most of a JSON document: jumps (memchr) to the closing quote, or past the line
/// while the string stays open. Returns the closing quote's index or the line's size.
std::size_t DocumentSplitter::skip_string(std::string_view line, std::size_t i) {
  FlowState& f = flow_;
  while (i < line.size()) {
    if (f.escaped) {
      f.escaped = false;
      ++i;
      continue;
    }
    const std::size_t close = line.find(f.quote, i);
    const std::size_t end = close == std::string_view::npos ? line.size() : close;
    if (f.quote == '"') {
      const std::size_t backslash = line.substr(0, end).find('\\', i);
      if (backslash != std::string_view::npos) {
        f.escaped = true;
        i = backslash + 1;
        continue;
      }
    }
    if (close == std::string_view::npos) break;
    f.quote = 0;
    return close;
  }
  return line.size();
}

void DocumentSplitter::append(std::string_view line, std::size_t full_length) {
  doc_.bytes += full_length + 1;
  std::string_view body = trim_left(line);
  if (!body.empty() && body.back() == '\r') body.remove_suffix(1);
  const bool comment = !body.empty() && body.front() == '#';
  if (auto problem = line_problem(line)) {
    if (comment) {
      doc_.bad_comments.push_back(BadLine{line_no_, std::move(*problem)});
      line = {};  // a comment is not parsed: blanking it keeps the document and its line numbers
    } else if (!doc_.bad_content) {
      doc_.bad_content = BadLine{line_no_, std::move(*problem)};
    }
  }
  if (doc_.bytes > max_bytes_) doc_.oversized = true;
  if (doc_.oversized) {
    if (!doc_.text.empty()) std::string().swap(doc_.text);
  } else {
    doc_.text.append(line);
    doc_.text.push_back('\n');
  }
  if (body.empty()) return;
  if (comment) {
    note_comment(body);
    return;
  }
  doc_.has_content = true;
  if (line.front() != ' ' && line.front() != '\t') note_top_level(line);
}

void DocumentSplitter::note_top_level(std::string_view line) {
  if (doc_.kind.empty() && line.starts_with("kind:")) doc_.kind = top_level_value(line.substr(5));
  else if (doc_.api_version.empty() && line.starts_with("apiVersion:")) doc_.api_version = top_level_value(line.substr(11));
}

void DocumentSplitter::note_comment(std::string_view comment) {
  if (doc_.has_content || !doc_.helm_template.empty()) return;
  comment = trim_left(comment.substr(1));
  constexpr std::string_view kSource = "Source:";
  if (comment.substr(0, kSource.size()) != kSource) return;
  std::string_view name = trim_left(comment.substr(kSource.size()));
  while (!name.empty() && (name.back() == ' ' || name.back() == '\t')) name.remove_suffix(1);
  doc_.helm_template = std::string(name);
}

void DocumentSplitter::finish() {
  if (line_no_ == 0) start(1);
  on_doc_(std::move(doc_));
  start(line_no_ + 1);
}

int DocumentSplitter::discard() {
  const int first = doc_.first_line;
  start(line_no_ + 1);
  return first;
}

void split_documents(std::string_view text, const std::function<void(RawDocument&&)>& on_doc,
                     std::size_t max_document_bytes) {
  DocumentSplitter splitter(on_doc, max_document_bytes);
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    splitter.add_line(text.substr(pos, end - pos));
    pos = end + 1;
  }
  splitter.finish();
}

}  // namespace faultline::load
