package netarena.results.compare;

import netarena.results.run.CellStatus;

/**
 * A subject present in both runs but not OK in one or both: listed, never compared.
 *
 * @param id              the subject
 * @param baselineStatus  its status in the baseline
 * @param baselineReason  why, empty when OK
 * @param currentStatus   its status in the current run
 * @param currentReason   why, empty when OK
 */
public record Exclusion(String id, CellStatus baselineStatus, String baselineReason, CellStatus currentStatus,
        String currentReason) {

    /**
     * True when the baseline served this subject and the current run FAILED it (errors, a verify failure,
     * a server that did not start or died): the change broke something, which counts as a regression. A
     * subject the generator could not measure (INVALID) says nothing about the server and does not count.
     */
    public boolean brokenByCurrent() {
        return baselineStatus.measured() && currentStatus == CellStatus.FAILED;
    }
}
