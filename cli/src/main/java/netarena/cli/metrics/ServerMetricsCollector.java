package netarena.cli.metrics;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot.HistogramDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.Unit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import netarena.server.ServerStats;
import netarena.server.ServiceTimeHistogram;

/**
 * A running server's counters as Prometheus metrics, read from one {@link ServerStats.Snapshot} per
 * scrape (the server keeps counting in its own LongAdders; nothing is copied between scrapes). Every
 * series carries a {@code model} label. Called on the exporter's HTTP thread.
 *
 * <pre>
 * netarena_connections_accepted_total, _refused_total, _closed_total, _shed_total   counters
 * netarena_connections_open                                                    gauge
 * netarena_accept_failures_total                                               counter
 * netarena_requests_total{op,status}                                           answered requests
 * netarena_requests_received_total                                             read whole and handed on
 * netarena_protocol_errors_total                                               bad frames and requests
 * netarena_received_bytes_total, netarena_sent_bytes_total                     counters, bytes
 * netarena_memory_pauses_total                                                 reads paused by the memory budget
 * netarena_timeouts_total{kind=idle|header}                                    connections a timeout closed
 * netarena_held_bytes                                                          gauge, bytes held for connections
 * netarena_worker_threads, netarena_worker_threads_peak                        gauges, the worker pool's threads
 * netarena_request_service_seconds                                             histogram: read whole to answer handed on
 * </pre>
 */
public final class ServerMetricsCollector implements MultiCollector {

    private final Supplier<ServerStats.Snapshot> stats;
    private final Labels model;

    public ServerMetricsCollector(String model, Supplier<ServerStats.Snapshot> stats) {
        this.model = Labels.of("model", model);
        this.stats = stats;
    }

    @Override
    public MetricSnapshots collect() {
        ServerStats.Snapshot s = stats.get();
        List<MetricSnapshot> out = new ArrayList<>();
        out.add(counter("netarena_connections_accepted", "Connections accepted and served.", null, s.accepted()));
        out.add(counter("netarena_connections_refused", "Connections accepted and closed at once: over "
                + "--max-connections or refused while stopping.", null, s.refused()));
        out.add(counter("netarena_connections_closed", "Served connections closed, by either side.", null, s.closed()));
        out.add(counter("netarena_connections_shed", "Connections closed to give memory back while the budget "
                + "stayed spent.", null, s.shed()));
        out.add(gauge("netarena_connections_open", "Connections open now.", null, s.open()));
        out.add(counter("netarena_accept_failures", "Accepts that failed (file descriptors exhausted, say).", null,
                s.acceptFailed()));
        out.add(requests(s.requestsByOpStatus()));
        out.add(counter("netarena_requests_received", "Requests read whole and handed on (answered or not yet).",
                null, s.received()));
        out.add(counter("netarena_protocol_errors", "Bad frames and malformed requests.", null, s.protocolErrors()));
        out.add(counter("netarena_received_bytes", "Bytes read from clients.", Unit.BYTES, s.bytesIn()));
        out.add(counter("netarena_sent_bytes", "Bytes written to clients.", Unit.BYTES, s.bytesOut()));
        out.add(counter("netarena_memory_pauses", "Times a connection stopped reading because the server-wide "
                + "memory budget was spent.", null, s.memoryPauses()));
        out.add(CounterSnapshot.builder().name("netarena_timeouts").help("Connections a timeout closed: idle "
                + "(no request for --idle-timeout) or header (a request begun and not whole in --header-timeout).")
                .dataPoint(counterPoint(s.closedIdle(), "kind", "idle"))
                .dataPoint(counterPoint(s.closedSlow(), "kind", "header")).build());
        out.add(gauge("netarena_held_bytes", "Bytes held for connections now (partial and unanswered requests, "
                + "unsent answers), as counted against --max-buffered.", Unit.BYTES, s.heldBytes()));
        out.add(gauge("netarena_worker_threads", "Threads of the worker pool now: platform workers, ForkJoinPool "
                + "workers, or virtual threads running a task, by --worker-pool.", null, s.workerThreads()));
        out.add(gauge("netarena_worker_threads_peak", "The most threads the worker pool has held at once.", null,
                s.workerThreadsPeak()));
        out.add(serviceTime(s.serviceTime()));
        return new MetricSnapshots(out);
    }

    private CounterSnapshot requests(Map<String, Long> byOpStatus) {
        CounterSnapshot.Builder b = CounterSnapshot.builder().name("netarena_requests")
                .help("Answered requests by operation and status (OK, BUSY, BAD_REQUEST...).");
        byOpStatus.forEach((key, n) -> {
            int slash = key.indexOf('/');
            b.dataPoint(counterPoint(n, "op", key.substring(0, slash), "status", key.substring(slash + 1)));
        });
        return b.build();
    }

    private HistogramSnapshot serviceTime(ServiceTimeHistogram.Snapshot h) {
        long[] bounds = ServiceTimeHistogram.UPPER_BOUNDS_MICROS;
        double[] upper = new double[bounds.length + 1];
        for (int i = 0; i < bounds.length; i++) {
            upper[i] = bounds[i] / 1e6;
        }
        upper[bounds.length] = Double.POSITIVE_INFINITY;
        return HistogramSnapshot.builder().name("netarena_request_service_seconds").unit(Unit.SECONDS)
                .help("How long the server held each answered request: from read whole to answer handed on for "
                        + "writing (worker queue, work, a DELAY's wait). Not the client's latency.")
                .dataPoint(HistogramDataPointSnapshot.builder().labels(model)
                        .classicHistogramBuckets(ClassicHistogramBuckets.of(upper, h.counts()))
                        .sum(h.sumNanos() / 1e9).build())
                .build();
    }

    private CounterSnapshot counter(String name, String help, Unit unit, long value) {
        CounterSnapshot.Builder b = CounterSnapshot.builder().name(name).help(help).dataPoint(counterPoint(value));
        return unit == null ? b.build() : b.unit(unit).build();
    }

    private CounterDataPointSnapshot counterPoint(long value, String... labels) {
        return CounterDataPointSnapshot.builder().labels(model.merge(Labels.of(labels))).value(value).build();
    }

    private GaugeSnapshot gauge(String name, String help, Unit unit, long value) {
        GaugeSnapshot.Builder b = GaugeSnapshot.builder().name(name).help(help)
                .dataPoint(GaugeDataPointSnapshot.builder().labels(model).value(value).build());
        return unit == null ? b.build() : b.unit(unit).build();
    }
}
