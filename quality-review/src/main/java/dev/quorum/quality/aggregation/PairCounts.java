package dev.quorum.quality.aggregation;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Comparisons summed per unordered pair of items, items numbered in sorted order. */
final class PairCounts {
  final String[] items;
  final int[] first;
  final int[] second;
  final double[] count;
  final double[] firstWins;

  private PairCounts(
      String[] items, int[] first, int[] second, double[] count, double[] firstWins) {
    this.items = items;
    this.first = first;
    this.second = second;
    this.count = count;
    this.firstWins = firstWins;
  }

  int size() {
    return first.length;
  }

  static PairCounts of(List<BradleyTerry.Comparison> comparisons) {
    TreeSet<String> names = new TreeSet<>();
    for (BradleyTerry.Comparison c : comparisons) {
      names.add(c.left());
      names.add(c.right());
    }
    String[] items = names.toArray(String[]::new);
    Map<String, Integer> ids = new HashMap<>();
    for (int i = 0; i < items.length; i++) {
      ids.put(items[i], i);
    }
    Map<Long, double[]> sums = new LinkedHashMap<>();
    for (BradleyTerry.Comparison c : comparisons) {
      int l = ids.get(c.left());
      int r = ids.get(c.right());
      int i = Math.min(l, r);
      int j = Math.max(l, r);
      double[] sum = sums.computeIfAbsent((long) i * items.length + j, key -> new double[2]);
      sum[0] += 1;
      sum[1] += l == i ? c.leftScore() : 1 - c.leftScore();
    }
    int size = sums.size();
    int[] first = new int[size];
    int[] second = new int[size];
    double[] count = new double[size];
    double[] firstWins = new double[size];
    int p = 0;
    for (Map.Entry<Long, double[]> e : sums.entrySet()) {
      first[p] = (int) (e.getKey() / items.length);
      second[p] = (int) (e.getKey() % items.length);
      count[p] = e.getValue()[0];
      firstWins[p] = e.getValue()[1];
      p++;
    }
    return new PairCounts(items, first, second, count, firstWins);
  }

  /** Whether every item reaches every other along "won at least partly against" edges. */
  boolean stronglyConnected() {
    List<List<Integer>> beat = new ArrayList<>();
    List<List<Integer>> beatenBy = new ArrayList<>();
    for (int i = 0; i < items.length; i++) {
      beat.add(new ArrayList<>());
      beatenBy.add(new ArrayList<>());
    }
    for (int p = 0; p < size(); p++) {
      if (firstWins[p] > 0) {
        beat.get(first[p]).add(second[p]);
        beatenBy.get(second[p]).add(first[p]);
      }
      if (count[p] - firstWins[p] > 0) {
        beat.get(second[p]).add(first[p]);
        beatenBy.get(first[p]).add(second[p]);
      }
    }
    return reachesAll(beat) && reachesAll(beatenBy);
  }

  private static boolean reachesAll(List<List<Integer>> edges) {
    boolean[] seen = new boolean[edges.size()];
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    queue.add(0);
    seen[0] = true;
    int reached = 1;
    while (!queue.isEmpty()) {
      for (int next : edges.get(queue.poll())) {
        if (!seen[next]) {
          seen[next] = true;
          reached++;
          queue.add(next);
        }
      }
    }
    return reached == edges.size();
  }
}
