package netarena.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutstandingWindowTest {

    @Test
    void answersInAnyOrderSettleTheirOwnRequest() {
        OutstandingWindow w = new OutstandingWindow(4, 1_000);
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
        OutstandingWindow w = new OutstandingWindow(2, 1_000);
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
    void expiresOldRequestsAndRecognisesTheirLateAnswersHoweverLate() {
        OutstandingWindow w = new OutstandingWindow(8, 1_000);
        long old = w.add(90, 100, false);
        long oldWarmup = w.add(140, 150, true);
        long young = w.add(0, 900, false);
        List<Boolean> timedOut = new ArrayList<>();
        List<Long> intended = new ArrayList<>();
        w.expire(500, (warmup, intendedNanos) -> {
            timedOut.add(warmup);
            intended.add(intendedNanos);
        });
        assertEquals(List.of(false, true), timedOut);
        assertEquals(List.of(90L, 140L), intended, "each with its intended send time");
        assertEquals(OutstandingWindow.TIMED_OUT, w.state(old));
        assertEquals(OutstandingWindow.TIMED_OUT, w.state(oldWarmup));
        assertEquals(OutstandingWindow.MEASURED, w.state(young));
        assertEquals(1, w.outstanding());
        assertEquals(2, w.timedOutHeld());
        w.expire(1_000_000_000, (warmup, intendedNanos) -> timedOut.add(warmup));
        assertEquals(OutstandingWindow.TIMED_OUT, w.state(old), "still known, long after its timeout");
        assertEquals(3, timedOut.size(), "no request times out twice");
        w.release(old);
        assertEquals(OutstandingWindow.FREE, w.state(old), "a second answer to it names nothing");
        assertEquals(2, w.timedOutHeld());
    }

    @Test
    void pastItsBoundTheOldestTimedOutAreForgottenAndTheirAnswersStillLate() {
        OutstandingWindow w = new OutstandingWindow(4, 3);
        List<Long> seqs = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            seqs.add(w.add(0, i, false));
        }
        long answered = w.add(0, 10, false);
        w.release(answered);
        long outstanding = w.add(0, 20, false);
        w.expire(15, (warmup, intended) -> { });
        assertEquals(3, w.timedOutHeld(), "held no more than the bound");
        assertEquals(OutstandingWindow.FORGOTTEN, w.state(seqs.get(0)));
        assertEquals(OutstandingWindow.FORGOTTEN, w.state(seqs.get(1)));
        assertEquals(OutstandingWindow.TIMED_OUT, w.state(seqs.get(2)));
        assertEquals(OutstandingWindow.FREE, w.state(answered), "answered after the forgotten ones: a duplicate");
        assertEquals(OutstandingWindow.MEASURED, w.state(outstanding));
        assertEquals(OutstandingWindow.FREE, w.state(outstanding + 1), "never sent");
        w.clear((warmup, intended) -> { });
        assertEquals(OutstandingWindow.FREE, w.state(seqs.get(0)), "nothing from the last connection is late on the next");
        assertEquals(0, w.timedOutHeld());
    }

    @Test
    void clearReportsEveryOutstandingRequestAndNumberingGoesOn() {
        OutstandingWindow w = new OutstandingWindow(4, 1_000);
        w.add(0, 0, false);
        long warm = w.add(0, 0, true);
        w.add(0, 0, false);
        w.release(warm);
        List<Boolean> lost = new ArrayList<>();
        long next = w.nextSeq();
        w.clear((warmup, intended) -> lost.add(warmup));
        assertEquals(List.of(false, false), lost);
        assertEquals(0, w.outstanding());
        assertEquals(next, w.add(0, 0, false));
    }
}
