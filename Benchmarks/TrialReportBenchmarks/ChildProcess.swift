import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A program run to completion as a child process, with what the kernel says it used.
///
/// Peak memory is the child's `ru_maxrss` from `wait4`, so every measurement runs in its own
/// process and nothing earlier in the suite inflates it.
struct ChildProcess {
    /// How a child ended and what it used.
    struct Outcome {
        /// The exit status (128 + signal when killed).
        var status: Int32
        /// Everything it wrote on standard output.
        var standardOutput: String
        /// Wall time from spawn to reaping, in seconds.
        var seconds: Double
        /// Peak resident set size in bytes (`ru_maxrss`).
        var peakBytes: Int
        /// CPU time used, user + system, in seconds.
        var cpuSeconds: Double
    }

    /// Runs `executable` with `arguments`; standard error passes through, standard output is
    /// captured when `captureOutput` (else discarded).
    /// - Throws: `BenchmarkError.spawn` when the program cannot be started.
    static func run(_ executable: String, _ arguments: [String], captureOutput: Bool = true) throws -> Outcome {
        var pipe: [Int32] = [0, 0]
        guard Glibc.pipe(&pipe) == 0 else { throw BenchmarkError.spawn(executable, errno) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if captureOutput {
            posix_spawn_file_actions_adddup2(&actions, pipe[1], 1)
        } else {
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        }
        posix_spawn_file_actions_addclose(&actions, pipe[0])
        posix_spawn_file_actions_addclose(&actions, pipe[1])

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let clock = ContinuousClock()
        let start = clock.now
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, environ)
        close(pipe[1])
        guard spawned == 0 else { close(pipe[0]); throw BenchmarkError.spawn(executable, spawned) }

        var output: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = read(pipe[0], &buffer, buffer.count)
            if count <= 0 { break }
            output += buffer[0..<count]
        }
        close(pipe[0])
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        let elapsed = clock.now - start
        let exit = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        return Outcome(status: exit, standardOutput: String(decoding: output, as: UTF8.self),
                       seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18,
                       peakBytes: Int(usage.ru_maxrss) * 1024,
                       cpuSeconds: Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
                           + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6)
    }
}

/// What can stop the suite.
enum BenchmarkError: Error, CustomStringConvertible {
    case spawn(String, Int32)
    case failed(String, status: Int32)
    case badOutput(String)

    var description: String {
        switch self {
        case .spawn(let program, let code): "cannot start \(program): \(String(cString: strerror(code)))"
        case .failed(let what, let status): "\(what) failed with exit status \(status)"
        case .badOutput(let text): "a benchmark child printed something unexpected: \(text.prefix(200))"
        }
    }
}
