// Line scanner for YAML document boundaries. Document markers only count at column 0, where
// YAML forbids them inside any scalar, so no parsing is needed to find them.
#include "faultline/load/splitter.hpp"

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

/// Accumulates one document and notes its `# Source:` comment and whether it has content.
class Builder {
 public:
  explicit Builder(int first_line) { doc_.first_line = first_line; }

  void add_line(std::string_view line) {
    doc_.text.append(line);
    doc_.text.push_back('\n');
    std::string_view body = trim_left(line);
    if (!body.empty() && body.back() == '\r') body.remove_suffix(1);
    if (body.empty()) return;
    if (body.front() == '#') {
      note_comment(body);
      return;
    }
    doc_.has_content = true;
  }

  /// A `%` directive before any content: kept out of the text but the line count is preserved.
  bool add_directive(std::string_view line) {
    if (doc_.has_content || line.empty() || line.front() != '%') return false;
    doc_.text.push_back('\n');
    return true;
  }

  void shift_first_column(int n) { doc_.first_column_shift = n; }
  RawDocument take() { return std::move(doc_); }

 private:
  void note_comment(std::string_view comment) {
    if (doc_.has_content || !doc_.helm_template.empty()) return;
    comment = trim_left(comment.substr(1));
    constexpr std::string_view kSource = "Source:";
    if (comment.substr(0, kSource.size()) != kSource) return;
    std::string_view name = trim_left(comment.substr(kSource.size()));
    while (!name.empty() && (name.back() == ' ' || name.back() == '\t')) name.remove_suffix(1);
    doc_.helm_template = std::string(name);
  }

  RawDocument doc_;
};

}  // namespace

void split_documents(std::string_view text, const std::function<void(RawDocument&&)>& on_doc) {
  Builder current(1);
  int line_no = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    ++line_no;
    if (is_marker(line, "---")) {
      on_doc(current.take());
      current = Builder(line_no);
      const std::string_view rest = trim_left(line.substr(3));
      current.shift_first_column(static_cast<int>(line.size() - rest.size()));
      current.add_line(rest);
    } else if (is_marker(line, "...")) {
      on_doc(current.take());
      current = Builder(line_no + 1);
    } else if (!current.add_directive(line)) {
      current.add_line(line);
    }
  }
  on_doc(current.take());
}

}  // namespace faultline::load
