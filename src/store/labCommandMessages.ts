import type { Localized } from '../sim/text/language.ts';
import type { RuntimeId } from '../sim/runtime/types.ts';
import type { ReturnKind, SyscallCategory } from '../sim/syscalls/syscallInfo.ts';
import { defineMessages } from './localize.ts';

/**
 * What the lab's own terminal commands say (labCommands.ts), in English and
 * Simplified Chinese. The lab's prose is translated; the syntax a person
 * types (`runtime gvisor --platform kvm`), syscall names, errno names, flags,
 * paths and the verdict words `allow` / `deny` / `conditional` stay as written.
 */
export const labText = defineMessages({
  helpShell: { en: 'Type a syscall in strace syntax, or a shell command', zh: '输入 strace 语法的系统调用，或一条 shell 命令' },
  helpShellCommands: { en: "the shell's commands:", zh: 'shell 的命令：' },
  helpContainers: { en: 'Make a container, watch it start, land in it (exit leaves)', zh: '创建一个容器，看它启动，然后进入其中（exit 离开）' },
  helpLab: { en: 'Lab commands', zh: '实验室命令' },
  helpTry: { en: 'Worth trying, runtime by runtime', zh: '值得一试的输入，按运行时列出' },
  helpNow: { en: ' (now)', zh: '（当前）' },
  helpKeys: { en: 'Tab completes · ↑ ↓ history · Ctrl-C drops the line · Ctrl-L clears · Shift-Tab leaves the terminal', zh: 'Tab 补全 · ↑ ↓ 历史 · Ctrl-C 丢弃当前行 · Ctrl-L 清屏 · Shift-Tab 离开终端' },
  helpEngine: { en: "{name} runs on the lab's host whichever shell the terminal shows; type {name} --help for its own usage", zh: '无论终端显示的是哪个 shell，{name} 都运行在实验室的宿主机上；输入 {name} --help 查看它自己的用法' },
  example: { en: '  e.g. {example}', zh: '  例如 {example}' },
  noSuchName: { en: "no command or syscall named '{name}'; type help for the list", zh: "没有名为 '{name}' 的命令或系统调用；输入 help 查看列表" },
  helpRuntime: { en: 'runtime {id} switches to it', zh: '输入 runtime {id} 切换到它' },
  unknownRuntime: { en: "unknown runtime '{name}'{hint}; the runtimes: {list}", zh: "未知的运行时 '{name}'{hint}；可用的运行时：{list}" },
  didYouMeanRuntime: { en: ' (did you mean {hint}?)', zh: '（是不是想输入 {hint}？）' },
  notASetting: { en: "'{word}' is not a setting: settings look like {example}", zh: "'{word}' 不是设置：设置的写法如 {example}" },
  needsValue: { en: '--{key} needs a value{values}', zh: '--{key} 需要一个值{values}' },
  valuesList: { en: ': {values}', zh: '：{values}' },
  changeSetting: { en: 'change a setting: runtime {id} --{key} {value}', zh: '修改设置：runtime {id} --{key} {value}' },
  noSettings: { en: 'this runtime has no settings', zh: '这个运行时没有设置' },
  runtimesHeading: { en: 'Runtimes (runtime NAME switches)', zh: '运行时（runtime NAME 切换）' },
  compareSyntax: { en: 'compare needs runtimes, then --, then the input: compare runc gvisor kata -- getpid()', zh: 'compare 需要先写运行时，然后 --，再写输入：compare runc gvisor kata -- getpid()' },
  compareInput: { en: 'compare needs an input after --: a syscall like getpid() or a command like cat /etc/hostname', zh: 'compare 在 -- 之后需要一个输入：系统调用如 getpid()，命令如 cat /etc/hostname' },
  compareRuntimes: { en: 'compare needs at least one runtime before --: compare runc gvisor -- getpid()', zh: 'compare 在 -- 之前至少需要一个运行时：compare runc gvisor -- getpid()' },
  compareHeading1: { en: '{input} under {n} runtime, each booted fresh', zh: '{input} 在 {n} 个运行时下运行，每个都重新启动' },
  compareHeadingN: { en: '{input} under {n} runtimes, each booted fresh', zh: '{input} 在 {n} 个运行时下运行，每个都重新启动' },
  explainNeedsName: { en: 'explain needs a syscall name: explain openat', zh: 'explain 需要一个系统调用名：explain openat' },
  unknownSyscall: { en: "unknown syscall '{name}'{hint}", zh: "未知的系统调用 '{name}'{hint}" },
  didYouMeanSyscall: { en: '; did you mean {hint}?', zh: '；是不是想输入 {hint}？' },
  explainHeading: { en: '{name}: syscall {number} ({category}: {what})', zh: '{name}：系统调用 {number}（{category}：{what}）' },
  explainReturns: { en: ' returns {what}', zh: ' 返回{what}' },
  explainEntry: { en: '  Linux runs it in {entry}', zh: '  Linux 在 {entry} 中执行它' },
  explainNoEntry: { en: '  Linux has no entry point for it: always ENOSYS', zh: '  Linux 没有它的入口：总是 ENOSYS' },
  explainRuntimes: { en: 'How each runtime treats {name} taken alone (with the settings chosen here)', zh: '各运行时如何对待单独的 {name}（按这里选定的设置）' },
  decidedBy: { en: '{verdict}{errno}, decided by {by}', zh: '{verdict}{errno}，由 {by} 决定' },
  notInTable: { en: 'not in its table', zh: '不在它的表中' },
  table: { en: '  table: {source}', zh: '  依据：{source}' },
  verdictsHeading: { en: '{spec}: {n} syscalls taken alone', zh: '{spec}：单独来看的 {n} 个系统调用' },
  verdictsCounts: { en: '  allow {allow} · conditional {conditional} (depends on the arguments) · deny {deny}', zh: '  allow {allow} · conditional {conditional}（取决于参数）· deny {deny}' },
  noErrno: { en: 'no errno (the workload stops)', zh: '无 errno（工作负载被终止）' },
  deniedWith: { en: 'denied with {errno} ({n}):', zh: '以 {errno} 拒绝（{n} 个）：' },
  surfaceHeading: { en: '{spec}: {n} host syscalls reachable from the workload', zh: '{spec}：工作负载能触及的 {n} 个宿主机系统调用' },
  surfaceFiltered: { en: '  {n} of them only with some arguments (argument filters)', zh: '  其中 {n} 个只允许部分参数（参数过滤）' },
  surfaceHypercalls: { en: '  and {n} hypercalls into the hypervisor', zh: '  另有 {n} 个进入虚拟机监控器的超级调用（hypercall）' },
  surfaceBackends: { en: '  and {n} backend drivers in Dom0', zh: '  另有 Dom0 中的 {n} 个后端驱动' },
  surfaceProcesses: { en: 'Through these host processes', zh: '经由这些宿主机进程' },
  speedNow: { en: 'playback speed {x}× (speed X sets it, 0.25 to 4)', zh: '回放速度 {x}×（speed X 设置，0.25 到 4）' },
  speedBad: { en: "speed takes a number from 0.25 to 4, not '{value}'", zh: "speed 接受 0.25 到 4 之间的数，而不是 '{value}'" },
  speedSet: { en: 'playback speed {x}×', zh: '回放速度 {x}×' },
  nothingToPlay: { en: 'nothing to play yet: run a syscall or a command first', zh: '还没有可回放的内容：先运行一个系统调用或命令' },
  nothingRun: { en: 'nothing run yet this session', zh: '本次会话还没有运行过任何内容' },
  historyHeading: { en: 'Lines run this session', zh: '本次会话运行过的行' },
  resetDone: { en: 'every runtime booted again; the runs are forgotten', zh: '所有运行时已重新启动；运行记录已清空' },
  imagesAttacker: { en: 'an attacker who gets into a distroless container finds no shell, no package manager and no setuid program to use', zh: '攻击者进入 distroless 容器后，找不到 shell、包管理器，也没有可利用的 setuid 程序' },
  compareRefused: { en: '{label}: refused: {message}', zh: '{label}：被拒绝：{message}' },
  compareCalls: { en: '{n} calls, exit status {status}', zh: '{n} 个调用，退出状态 {status}' },
  compareHostCall: { en: '{name} by {by}', zh: '{by} 的 {name}' },
  compareResult: { en: '{label} ({servedBy} kernel): {result}', zh: '{label}（{servedBy} 内核）：{result}' },
  compareCost: { en: '  {hops} hops · {cost} modelled{ratio} · {warm} warm', zh: '  {hops} 跳 · 模型估算 {cost}{ratio} · 预热后 {warm}' },
  compareNoHost: { en: '  host syscalls: none', zh: '  宿主机系统调用：无' },
  compareHost: { en: '  host syscalls: {n}: {list}', zh: '  宿主机系统调用：{n} 个：{list}' },
  comparePublished: { en: '  published: {what}: {ratio}× {against}; modelled {modelled}×', zh: '  已发表：{what}：{ratio}× {against}；模型 {modelled}×' },
  labBug: { en: 'the lab failed on this command (a bug): {error}', zh: '实验室执行这条命令时出错（这是个 bug）：{error}' },
});

export type LabTextKey = keyof typeof labText;

/** Each lab command's one-line description in `help`, by command name. Shown in Chinese only while the command's English is this `en` word for word. */
export const commandText = defineMessages({
  help: { en: 'this list; help NAME for one command or syscall', zh: '本列表；help NAME 查看某个命令或系统调用' },
  runtime: { en: 'show or switch the runtime, with settings', zh: '显示或切换运行时及其设置' },
  runtimes: { en: 'the runtimes the lab models', zh: '实验室模拟的运行时' },
  compare: { en: 'one input under several runtimes (all, or gvisor:platform=kvm)', zh: '同一输入在多个运行时下对比（all，或 gvisor:platform=kvm）' },
  escapes: { en: 'escape attacks under every runtime: where each is stopped', zh: '各运行时下的逃逸攻击：每个在哪里被拦住' },
  explain: { en: "what it does, and each runtime's verdict", zh: '它做什么，以及各运行时的判定' },
  verdicts: { en: 'syscalls allowed and denied', zh: '允许和拒绝的系统调用' },
  surface: { en: 'host syscalls the workload can reach', zh: '工作负载能触及的宿主机系统调用' },
  speed: { en: 'playback speed, 0.25 to 4', zh: '回放速度，0.25 到 4' },
  step: { en: 'playback: one hop forward', zh: '回放：前进一跳' },
  back: { en: 'playback: one hop back', zh: '回放：后退一跳' },
  play: { en: 'playback: play the latest run', zh: '回放：播放最近一次运行' },
  pause: { en: 'playback: pause (pause() is the syscall)', zh: '回放：暂停（pause() 是系统调用）' },
  reset: { en: 'boot every runtime again, forget the runs', zh: '重新启动所有运行时，清空运行记录' },
  history: { en: 'the lines run this session', zh: '本次会话运行过的行' },
  images: { en: "the lab's images side by side: size, programs, shell, package manager, setuid binaries", zh: '并排比较实验室的镜像：大小、程序、shell、包管理器、setuid 程序' },
  lessons: { en: 'the lessons, with your progress', zh: '课程列表，以及你的进度' },
  lesson: { en: 'open a lesson (at a step)', zh: '打开一门课程（可指定步骤）' },
  sandbox: { en: 'leave the lesson: the free sandbox', zh: '离开课程：回到自由沙箱' },
  clear: { en: 'clear the terminal (Ctrl-L)', zh: '清空终端（Ctrl-L）' },
});

/** Where each runtime's verdict table comes from, for `explain` and `verdicts`. */
export const TABLE_SOURCE: Readonly<Record<RuntimeId, Localized>> = defineMessages({
  host: { en: "no seccomp filter: Linux's own syscall table decides (syscall_64.tbl; sys_ni_syscall is ENOSYS)", zh: '没有 seccomp 过滤器：由 Linux 自己的系统调用表决定（syscall_64.tbl；sys_ni_syscall 即 ENOSYS）' },
  runc: { en: "Docker's default seccomp profile (moby/profiles seccomp/default.json) with Docker's 14 capabilities and runc's ENOSYS stub, then Linux's table", zh: 'Docker 的默认 seccomp 配置文件（moby/profiles seccomp/default.json），加上 Docker 的 14 项能力和 runc 的 ENOSYS 桩，然后是 Linux 的系统调用表' },
  gvisor: { en: "the Sentry's amd64 syscall table (gVisor pkg/sentry/syscalls/linux/linux64.go); with --oci-seccomp on, the container's profile first", zh: 'Sentry 的 amd64 系统调用表（gVisor pkg/sentry/syscalls/linux/linux64.go）；开启 --oci-seccomp 时，先经过容器的配置文件' },
  kata: { en: "the guest's Linux kernel; with --guest-seccomp on, kata-agent applies the container's seccomp profile in the guest", zh: '客户机的 Linux 内核；开启 --guest-seccomp 时，kata-agent 在客户机内应用容器的 seccomp 配置文件' },
  nabla: { en: "rumprun's libc stubs and rump kernel (NetBSD): each call runs, is a stub, or is missing (ENOSYS)", zh: 'rumprun 的 libc 桩和 rump 内核（NetBSD）：每个调用要么真正执行，要么是桩，要么不存在（ENOSYS）' },
  'unikernel-hvt': { en: "rumprun's libc stubs and rump kernel, as for nabla: the solo5-hvt tender never sees the program's calls", zh: 'rumprun 的 libc 桩和 rump 内核，与 nabla 相同：solo5-hvt tender 从不看到程序的调用' },
  firecracker: { en: "the guest's Linux 6.1 kernel; with --guest-seccomp docker-default, Docker's profile in the guest", zh: '客户机的 Linux 6.1 内核；设置 --guest-seccomp docker-default 时，客户机内使用 Docker 的配置文件' },
  lightvm: { en: "Mini-OS's function table (--guest unikernel) or Tinyx's Linux kernel (--guest tinyx)", zh: 'Mini-OS 的函数表（--guest unikernel）或 Tinyx 的 Linux 内核（--guest tinyx）' },
});

/** What each category of syscalls is about, for `explain`. */
export const CATEGORY: Readonly<Record<SyscallCategory, Localized>> = defineMessages({
  file: { en: 'I/O on file descriptors', zh: '文件描述符上的 I/O' },
  'fs-metadata': { en: 'names, directories and inode attributes', zh: '文件名、目录和 inode 属性' },
  mount: { en: 'the mount table and the root', zh: '挂载表和根目录' },
  event: { en: 'readiness and notification file descriptors', zh: '就绪与通知类文件描述符' },
  memory: { en: 'the address space', zh: '地址空间' },
  ipc: { en: 'pipes, System V IPC and POSIX message queues', zh: '管道、System V IPC 和 POSIX 消息队列' },
  sync: { en: 'futexes and robust lists', zh: 'futex 和 robust list' },
  network: { en: 'sockets', zh: '套接字' },
  process: { en: 'processes: creation, exec, exit, wait, ids, limits', zh: '进程：创建、exec、退出、等待、ID、资源限制' },
  sched: { en: 'scheduling', zh: '调度' },
  credentials: { en: 'user and group ids', zh: '用户 ID 和组 ID' },
  signal: { en: 'signals', zh: '信号' },
  time: { en: 'clocks, timers and sleeps', zh: '时钟、定时器和睡眠' },
  namespace: { en: 'namespaces', zh: '命名空间' },
  security: { en: 'capabilities, seccomp, Landlock and LSM attributes', zh: '能力、seccomp、Landlock 和 LSM 属性' },
  keys: { en: 'the kernel key retention service', zh: '内核密钥保留服务' },
  module: { en: 'loading kernel code: modules and kexec', zh: '加载内核代码：模块和 kexec' },
  system: { en: 'whole-machine state: reboot, hostname, swap, quotas, the kernel log', zh: '整机状态：重启、主机名、交换区、配额、内核日志' },
  debug: { en: 'tracing and introspection: ptrace, perf, bpf', zh: '跟踪与内省：ptrace、perf、bpf' },
  aio: { en: 'Linux native asynchronous I/O', zh: 'Linux 原生异步 I/O' },
  'io-uring': { en: 'io_uring', zh: 'io_uring' },
  arch: { en: 'x86-specific state', zh: 'x86 特有的状态' },
});

/** What a syscall returns on success, for `explain`. */
export const RETURNS: Readonly<Record<ReturnKind, Localized>> = defineMessages({
  fd: { en: 'a new file descriptor', zh: '一个新的文件描述符' },
  zero: { en: '0', zh: '0' },
  count: { en: 'a count of bytes or items', zh: '字节数或条目数' },
  pid: { en: 'a process or thread id', zh: '一个进程或线程 ID' },
  id: { en: 'an id', zh: '一个 ID' },
  pointer: { en: 'an address', zh: '一个地址' },
  offset: { en: 'a file offset', zh: '一个文件偏移量' },
  value: { en: 'a value that depends on the operation', zh: '一个取决于具体操作的值' },
  noreturn: { en: 'nothing: it does not return on success', zh: '无：成功时不返回' },
});
