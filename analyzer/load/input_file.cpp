// POSIX open/fstat/read: the standard streams cannot open without blocking or check what they opened.
#include "input_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <system_error>

namespace faultline::load {

FileReadBuf::~FileReadBuf() { ::close(fd_); }

FileReadBuf::int_type FileReadBuf::underflow() {
  ssize_t n = 0;
  do {
    n = ::read(fd_, buffer_.data(), buffer_.size());
  } while (n < 0 && errno == EINTR);
  if (n < 0) throw std::system_error(errno, std::generic_category());
  if (n == 0) return traits_type::eof();
  setg(buffer_.data(), buffer_.data(), buffer_.data() + n);
  return traits_type::to_int_type(buffer_[0]);
}

OpenedInput open_input(const std::string& path, bool regular_only) {
  OpenedInput out;
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | (regular_only ? O_NONBLOCK : 0));
  if (fd < 0) {
    out.error = std::strerror(errno);
    return out;
  }
  if (regular_only) {
    struct stat st {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
      ::close(fd);
      out.not_regular = true;
      return out;
    }
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
  }
  out.fd = fd;
  return out;
}

}  // namespace faultline::load
