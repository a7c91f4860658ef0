package netarena.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutstandingWindowTest {

    @Test
    void answersInAnyOrderSettleTheirOwnRequest() {
        OutstandingWindow w = new OutstandingWindow(4);
        long a = w.add(10, 11, false);
        long b = w.add(20, 21, true);
        long c = w.add(30, 31, false);
        assertEquals(3, w.outstanding());
        assertEquals(1, w.outstandingWarmup());
        assertEquals(OutstandingWindow.WARMUP, w.state(b));
        assertEquals(21, w.writtenNanos(b));
        w.release(b);
        assertEquals(OutstandingWindow.FREE, w.state(b));
        assertEquals(30, w.intendedNanos(c));
        w.release(a);
        w.release(c);
        assertEquals(0, w.outstanding());
        assertEquals(OutstandingWindow.FREE, w.state(c + 1), "never handed out");
        assertEquals(OutstandingWindow.FREE, w.state(0), "ids start at 1");
    }

    @Test
    void growsWhenFullAndKeepsEveryRequest() {
        OutstandingWindow w = new OutstandingWindow(2);
        List<Long> seqs = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            seqs.add(w.add(i, i * 2L, false));
            if (i % 3 == 0) {
                w.release(seqs.get(i / 2)); // settle some old ones out of order as we go
            }
        }
        for (int i = 0; i < 1_000; i++) {
            long s = seqs.get(i);
            if (w.state(s) == OutstandingWindow.MEASURED) {
                assertEquals(i, w.intendedNanos(s));
                assertEquals(i * 2L, w.writtenNanos(s));
            }
        }
        assertEquals(1_000 - 334, w.outstanding());
    }

    @Test
    void expiresOldRequestsThenRecognisesTheirLateAnswersThenForgetsThem() {
        OutstandingWindow w = new OutstandingWindow(8);
        long old = w.add(0, 100, false);
        long oldWarmup = w.add(0, 150, true);
        long young = w.add(0, 900, false);
        List<Boolean> timedOut = new ArrayList<>();
        w.expire(500, 0, timedOut::add);
        assertEquals(List.of(false, true), timedOut);
        assertEquals(OutstandingWindow.TIMED_OUT, w.state(old));
        assertEquals(OutstandingWindow.TIMED_OUT, w.state(oldWarmup));
        assertEquals(OutstandingWindow.MEASURED, w.state(young));
        assertEquals(1, w.outstanding());
        w.expire(500, 120, timedOut::add);
        assertEquals(OutstandingWindow.FREE, w.state(old), "forgotten");
        assertEquals(OutstandingWindow.TIMED_OUT, w.state(oldWarmup), "kept a little longer");
        assertEquals(2, timedOut.size(), "no request times out twice");
    }

    @Test
    void clearReportsEveryOutstandingRequestAndNumberingGoesOn() {
        OutstandingWindow w = new OutstandingWindow(4);
        w.add(0, 0, false);
        long warm = w.add(0, 0, true);
        w.add(0, 0, false);
        w.release(warm);
        List<Boolean> lost = new ArrayList<>();
        long next = w.nextSeq();
        w.clear(lost::add);
        assertEquals(List.of(false, false), lost);
        assertEquals(0, w.outstanding());
        assertEquals(next, w.add(0, 0, false));
    }
}
