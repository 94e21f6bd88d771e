// fork/exec/wait4: the peak RSS is the child's alone (getrusage(RUSAGE_CHILDREN) would report the
// largest child so far), and a run past its time limit is killed instead of stalling the bench.
#include "process_runner.hpp"

#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <csignal>
#include <mutex>
#include <thread>

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

namespace faultline::bench {

RunResult run_process(const std::vector<std::string>& argv, double timeout_seconds) {
  RunResult result;
  std::vector<char*> args;
  for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  const auto start = std::chrono::steady_clock::now();
  const pid_t pid = ::fork();
  if (pid < 0) return result;
  if (pid == 0) {
    const int null_fd = ::open("/dev/null", O_WRONLY);
    ::dup2(null_fd, 1);
    ::dup2(null_fd, 2);
    ::execvp(args[0], args.data());
    ::_exit(127);
  }
  // A watchdog thread kills the child at the deadline; the blocking wait4 keeps timings exact.
  std::mutex mutex;
  std::condition_variable finished;
  bool done = false;
  std::thread watchdog([&] {
    std::unique_lock lock(mutex);
    if (!finished.wait_for(lock, std::chrono::duration<double>(timeout_seconds), [&] { return done; })) {
      ::kill(pid, SIGKILL);
      result.timed_out = true;
    }
  });
  int status = 0;
  rusage usage{};
  while (::wait4(pid, &status, 0, &usage) < 0 && errno == EINTR) {
  }
  {
    std::lock_guard lock(mutex);
    done = true;
  }
  finished.notify_one();
  watchdog.join();
  result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  result.peak_mib = static_cast<double>(usage.ru_maxrss) / 1024.0;  // Linux reports KiB
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

}  // namespace faultline::bench
