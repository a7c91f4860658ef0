/**
 * What starts things, between {@code results} (which reads and judges) and {@code cli} (which parses and
 * prints): {@link netarena.experiments.launch.ServerLauncher} starts every server JVM;
 * {@link netarena.experiments.sut.ServerUnderTest} is the server a measurement loads (launched JVMs, or an
 * external target) and {@link netarena.experiments.sut.VerifyGate} checks it first;
 * {@link netarena.experiments.workload.LoadPlans} makes every load plan from a typed
 * {@link netarena.experiments.workload.Workload}; {@link netarena.experiments.cell.CellMeasurement} measures one
 * cell; the {@code sweep}, {@code ab} and {@code capacity} packages run those measurements and write run folders.
 */
package netarena.experiments;
