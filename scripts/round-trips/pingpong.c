/*
 * One connection, closed loop: a protocol-v1 ECHO frame of WIRE_BYTES on the wire (sockperf's -m), wait for
 * the whole answer, repeat. The client side of scripts/round-trips.sh, as lean as sockperf's ping-pong client (one
 * blocking socket, one send and reads until the answer is whole), so that our servers and sockperf's are
 * driven alike. Prints "round_trips_per_s R p50_us P p99_us Q" for the seconds after a 1 s warm-up, then
 * the count of all round trips made, the warm-up's included (to divide a server's syscall count by).
 *
 *   pingpong HOST PORT SECONDS WIRE_BYTES
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define REQUEST_HEADER 17 /* u32 length | u8 op | u64 id | u32 arg */
#define RESPONSE_HEADER 13 /* u32 length | u8 status | u64 id */
#define MAX_SAMPLES (1 << 24)

static uint64_t now_ns(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (uint64_t) t.tv_sec * 1000000000u + (uint64_t) t.tv_nsec;
}

static int cmp_u32(const void *a, const void *b) {
    uint32_t x = *(const uint32_t *) a, y = *(const uint32_t *) b;
    return x < y ? -1 : x > y;
}

int main(int argc, char **argv) {
    if (argc != 5) {
        fprintf(stderr, "usage: pingpong HOST PORT SECONDS WIRE_BYTES\n");
        return 2;
    }
    int seconds = atoi(argv[3]), wire = atoi(argv[4]);
    if (wire < REQUEST_HEADER || wire > 4096 || seconds < 1) {
        fprintf(stderr, "WIRE_BYTES must be 17..4096 and SECONDS >= 1\n");
        return 2;
    }
    int payload = wire - REQUEST_HEADER, answer = RESPONSE_HEADER + payload;
    struct sockaddr_in addr = {.sin_family = AF_INET, .sin_port = htons((uint16_t) atoi(argv[2]))};
    if (inet_pton(AF_INET, argv[1], &addr.sin_addr) != 1) {
        fprintf(stderr, "HOST must be an IPv4 address: %s\n", argv[1]);
        return 2;
    }
    int fd = socket(AF_INET, SOCK_STREAM, 0), one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    if (connect(fd, (struct sockaddr *) &addr, sizeof addr) != 0) {
        perror("connect");
        return 1;
    }
    unsigned char request[4096], response[4096 + RESPONSE_HEADER];
    memset(request, 'x', sizeof request);
    uint32_t length = htonl((uint32_t) (wire - 4));
    memcpy(request, &length, 4);
    request[4] = 1; /* ECHO */
    memset(request + 5, 0, 12); /* id and arg */
    uint32_t *samples = malloc(sizeof(uint32_t) * MAX_SAMPLES);
    size_t count = 0, total = 0;
    uint64_t start = now_ns(), measure_from = start + 1000000000u, end = measure_from + (uint64_t) seconds * 1000000000u;
    for (uint64_t t0 = start; t0 < end; ) {
        if (send(fd, request, (size_t) wire, 0) != wire) {
            perror("send");
            return 1;
        }
        for (int got = 0; got < answer; ) {
            ssize_t n = recv(fd, response + got, (size_t) (answer - got), 0);
            if (n <= 0) {
                fprintf(stderr, "the server closed or failed after %d of %d answer bytes\n", got, answer);
                return 1;
            }
            got += (int) n;
        }
        uint64_t t1 = now_ns();
        total++;
        if (t0 >= measure_from && count < MAX_SAMPLES) {
            samples[count++] = (uint32_t) (t1 - t0);
        }
        t0 = t1;
    }
    close(fd);
    qsort(samples, count, sizeof samples[0], cmp_u32);
    printf("round_trips_per_s %.0f p50_us %.1f p99_us %.1f round_trips_with_warmup %zu\n", (double) count / seconds,
           samples[count / 2] / 1000.0, samples[count * 99 / 100] / 1000.0, total);
    return 0;
}
