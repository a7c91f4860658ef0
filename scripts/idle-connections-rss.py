#!/usr/bin/env python3
"""An independent count of what an idle connection costs a netarena server (not a test).

Starts `netarena serve --model M` pinned to CPU 0 with the sweep's default server flags, optionally warms it
with `netarena load`, then from this (Python) process holds N idle connections, each touched with one echo
frame, and reads the server's VmRSS from /proc before and after, each after `jcmd PID GC.run`.
Prints RSS per connection in KiB. Loopback only.

  scripts/idle-connections-rss.py --model selector --connections 10000 [--warm-seconds 3]
"""
import argparse, os, socket, struct, subprocess, sys, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
JAR = os.path.join(ROOT, "cli", "target", "netarena.jar")
JAVA = os.path.join(os.environ.get("JAVA_HOME", "/usr/lib/jvm/temurin-25-jdk-amd64"), "bin")
SERVER_FLAGS = ["-Xms256m", "-Xmx1g", "-XX:+UseG1GC"]


def rss_kb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    raise RuntimeError("no VmRSS")


def gc(pid):
    subprocess.run([os.path.join(JAVA, "jcmd"), str(pid), "GC.run"], stdout=subprocess.DEVNULL, check=True)
    time.sleep(0.5)


def echo_frame(i):
    payload = b"x" * 64
    return struct.pack(">IBQI", 13 + len(payload), 1, i, 0) + payload


def main():
    a = argparse.ArgumentParser()
    a.add_argument("--model", required=True)
    a.add_argument("--connections", type=int, default=10_000)
    a.add_argument("--warm-seconds", type=int, default=0)
    args = a.parse_args()
    server = subprocess.Popen(["taskset", "-c", "0", os.path.join(JAVA, "java"), *SERVER_FLAGS, "-jar", JAR, "serve",
                               "--model", args.model, "--io-threads", "1", "--max-connections", "30000",
                               "--bind", "127.0.0.1", "--port", "0"],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        line = server.stdout.readline()
        while "listening on" not in line:
            line = server.stdout.readline()
        port = int(line.strip().rsplit(":", 1)[1])
        pid = server.pid
        if args.warm_seconds:
            subprocess.run([os.path.join(ROOT, "netarena"), "load", "--target", f"127.0.0.1:{port}", "--connections", "16",
                            "--duration", f"{args.warm_seconds}s"], stdout=subprocess.DEVNULL)  # exit 2 (INVALID on a busy machine) still warmed it
        gc(pid)
        before = rss_kb(pid)
        held = []
        for i in range(args.connections):
            s = socket.create_connection(("127.0.0.1", port))
            s.sendall(echo_frame(i))
            if not s.recv(4096):
                raise RuntimeError(f"connection {i} closed")
            held.append(s)
        gc(pid)
        after = rss_kb(pid)
        print(f"{args.model}: {args.connections} idle connections, RSS {before} -> {after} KiB, "
              f"{(after - before) / args.connections:.2f} KiB/connection")
        for s in held:
            s.close()
    finally:
        server.terminate()
        server.wait(10)


if __name__ == "__main__":
    sys.exit(main())
