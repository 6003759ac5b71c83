package dev.tunegate.cli;

import dev.tunegate.client.model.TuningSnapshot;
import java.util.List;
import java.util.Objects;

/** Draws the mean loss of a tuning run's snapshots as a text chart (steps to the right, loss upwards). */
final class LossChart {
    private final int width;
    private final int height;

    LossChart(int width, int height) {
        this.width = width;
        this.height = height;
    }

    String render(List<TuningSnapshot> snapshots) {
        List<TuningSnapshot> points = snapshots == null
                ? List.of()
                : snapshots.stream()
                        .filter(s -> s.meanLoss() != null && s.step() != null && Double.isFinite(s.meanLoss()))
                        .toList();
        if (points.isEmpty()) {
            return "(no loss snapshots)" + System.lineSeparator();
        }
        int firstStep = points.stream().mapToInt(TuningSnapshot::step).min().orElse(0);
        int lastStep = points.stream().mapToInt(TuningSnapshot::step).max().orElse(0);
        int columns = Math.min(width, lastStep - firstStep + 1);
        double[] sum = new double[columns];
        int[] count = new int[columns];
        for (TuningSnapshot s : points) {
            int col = lastStep == firstStep
                    ? 0
                    : (int) Math.round((s.step() - firstStep) * (columns - 1) / (double) (lastStep - firstStep));
            sum[col] += s.meanLoss();
            count[col]++;
        }
        double min = points.stream().mapToDouble(TuningSnapshot::meanLoss).min().orElse(0);
        double max = points.stream().mapToDouble(TuningSnapshot::meanLoss).max().orElse(0);
        double span = max - min == 0 ? 1 : max - min;
        char[][] grid = new char[height][columns];
        for (char[] row : grid) {
            java.util.Arrays.fill(row, ' ');
        }
        for (int col = 0; col < columns; col++) {
            if (count[col] == 0) {
                continue;
            }
            double loss = sum[col] / count[col];
            int row = (int) Math.round((max - loss) / span * (height - 1));
            grid[row][col] = '*';
        }
        StringBuilder out = new StringBuilder();
        String nl = System.lineSeparator();
        out.append("mean loss").append(nl);
        for (int row = 0; row < height; row++) {
            String label = row == 0
                    ? format(max)
                    : row == height - 1
                            ? format(min)
                            : row == (height - 1) / 2 ? format(max - span * row / (height - 1)) : "";
            out.append(String.format("%9s |", label))
                    .append(new String(grid[row]).stripTrailing())
                    .append(nl);
        }
        out.append(" ".repeat(9)).append(" +").append("-".repeat(columns)).append(nl);
        String left = "step " + firstStep;
        String right = String.valueOf(lastStep);
        int gap = Math.max(1, columns + 2 - left.length() - right.length());
        out.append(" ".repeat(9))
                .append(left)
                .append(" ".repeat(gap))
                .append(right)
                .append(nl);
        TuningSnapshot last = points.get(points.size() - 1);
        out.append(String.format(
                        "first loss %s, last loss %s after %d steps (epoch %s)",
                        format(points.get(0).meanLoss()),
                        format(last.meanLoss()),
                        lastStep,
                        Objects.toString(last.epoch(), "?")))
                .append(nl);
        return out.toString();
    }

    private static String format(double value) {
        return Losses.format(value);
    }
}
