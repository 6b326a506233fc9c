package io.tideflow.queue.history;

/**
 * One value of a {@link SampledFigure} read at a sampling.
 *
 * @param group the resource group, or {@link SampledFigure#NODE} for the node's own figures
 */
public record FigureSample(String group, String metric, double value) {}
