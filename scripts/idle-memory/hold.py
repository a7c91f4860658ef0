#!/usr/bin/env python3
"""Holds N idle connections to a frame-protocol server, each touched with one 8-byte ECHO, from its own process.

Usage: hold.py HOST PORT N [--close]   prints 'held N' once every answer is read, then waits for stdin to close
(or, with --close, closes them at once and exits: a warm-up). Blocking sockets, one at a time: the server sees
one connection and one echo after another, as idle clients that each sent one request.
"""
import socket
import struct
import sys

OP_ECHO = 1
PAYLOAD = b"idle-one"


def touch(host, port, i):
    s = socket.create_connection((host, port), timeout=15)
    s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    # request: u32 length | u8 op | u64 id | u32 arg | payload; length counts the bytes after itself
    s.sendall(struct.pack(">IBQI", 13 + len(PAYLOAD), OP_ECHO, i, 0) + PAYLOAD)
    want = 4 + 9 + len(PAYLOAD)  # response: u32 length | u8 status | u64 id | payload
    got = b""
    while len(got) < want:
        chunk = s.recv(want - len(got))
        if not chunk:
            raise SystemExit(f"connection {i}: closed by the server after {len(got)} of {want} answer bytes")
        got += chunk
    return s


def main():
    host, port, n = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    held = [touch(host, port, i) for i in range(n)]
    if "--close" in sys.argv:
        for s in held:
            s.close()
        return
    print(f"held {len(held)}", flush=True)
    sys.stdin.read()


if __name__ == "__main__":
    main()
