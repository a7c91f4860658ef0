/*
 * A minimal protocol-v1 ECHO server for one client at a time: blocking accept, then read what came, answer
 * every whole request frame in it, until the client leaves. It is not a model; scripts/round-trips.sh runs
 * pingpong.c against it to show what the C client and the kernel cost without any of our servers, beside
 * sockperf's own pair. Prints "listening on 127.0.0.1:PORT" once it accepts, as `netarena serve` does.
 *
 *   echo PORT        (0 picks a free one)
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#define MAX_FRAME 65536

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: echo PORT\n");
        return 2;
    }
    int listener = socket(AF_INET, SOCK_STREAM, 0), one = 1;
    setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    struct sockaddr_in addr = {.sin_family = AF_INET, .sin_port = htons((uint16_t) atoi(argv[1]))};
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof addr;
    if (bind(listener, (struct sockaddr *) &addr, sizeof addr) != 0 || listen(listener, 16) != 0
            || getsockname(listener, (struct sockaddr *) &addr, &len) != 0) {
        perror("listen");
        return 1;
    }
    printf("listening on 127.0.0.1:%d\n", ntohs(addr.sin_port));
    fflush(stdout);
    static unsigned char in[MAX_FRAME], out[MAX_FRAME];
    for (;;) {
        int fd = accept(listener, NULL, NULL);
        if (fd < 0) {
            continue;
        }
        setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        /* request: u32 length | u8 op | u64 id | u32 arg | payload; answer: u32 length | u8 status | u64 id | payload.
           One recv per request when the request came whole, as sockperf's server does. */
        size_t have = 0;
        for (;;) {
            ssize_t n = recv(fd, in + have, sizeof in - have, 0);
            if (n <= 0) {
                break;
            }
            have += (size_t) n;
            size_t at = 0;
            while (have - at >= 4) {
                uint32_t body;
                memcpy(&body, in + at, 4);
                body = ntohl(body);
                if (body < 13 || body > MAX_FRAME - 4) {
                    goto done;
                }
                if (have - at < 4 + body) {
                    break;
                }
                uint32_t payload = body - 13, answer = htonl(9 + payload);
                memcpy(out, &answer, 4);
                out[4] = 0; /* OK */
                memcpy(out + 5, in + at + 5, 8); /* id */
                memcpy(out + 13, in + at + 17, payload);
                if (send(fd, out, 13 + payload, 0) != (ssize_t) (13 + payload)) {
                    goto done;
                }
                at += 4 + body;
            }
            memmove(in, in + at, have - at);
            have -= at;
        }
    done:
        close(fd);
    }
}
