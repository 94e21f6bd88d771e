#pragma once
// Opening one input file: a FIFO or device met in a directory walk must never block the run or
// be read, even when the entry is replaced between listing the directory and opening it.
#include <array>
#include <streambuf>
#include <string>

namespace faultline::load {

/// Reads an open file descriptor and closes it when destroyed. A read error throws inside the
/// stream, which sets its badbit (the loader reports it as an I/O error).
class FileReadBuf : public std::streambuf {
 public:
  explicit FileReadBuf(int fd) : fd_(fd) {}
  ~FileReadBuf() override;
  FileReadBuf(const FileReadBuf&) = delete;
  FileReadBuf& operator=(const FileReadBuf&) = delete;

 protected:
  int_type underflow() override;

 private:
  int fd_;
  std::array<char, 1 << 16> buffer_{};
};

/// The descriptor of an opened input, or why there is none.
struct OpenedInput {
  int fd = -1;
  std::string error;          ///< strerror text when the file cannot be opened
  bool not_regular = false;   ///< refused unread: a FIFO, socket or device (only with `regular_only`)
};

/// Opens `path` read-only. With `regular_only` the open cannot block (O_NONBLOCK) and anything but
/// a regular file is closed again unread; without it a named FIFO (`<(helm template ...)`) is read.
OpenedInput open_input(const std::string& path, bool regular_only);

}  // namespace faultline::load
