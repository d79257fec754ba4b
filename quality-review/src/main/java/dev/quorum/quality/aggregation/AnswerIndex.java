package dev.quorum.quality.aggregation;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Answers with questions, workers and labels turned into dense int ids, grouped by question. The
 * methods' inner loops then touch flat arrays instead of hashing strings. Ids follow the sorted
 * order of the names, so that results come out sorted by question and ties between labels are
 * broken the same way whatever order the answers came in.
 */
final class AnswerIndex {

  final String[] questions;
  final String[] workers;
  final String[] labels;

  /** The answers of question {@code q} are positions {@code start[q]} to {@code start[q+1]-1}. */
  final int[] start;

  final int[] worker;
  final int[] label;

  private AnswerIndex(
      String[] questions,
      String[] workers,
      String[] labels,
      int[] start,
      int[] worker,
      int[] label) {
    this.questions = questions;
    this.workers = workers;
    this.labels = labels;
    this.start = start;
    this.worker = worker;
    this.label = label;
  }

  static AnswerIndex of(List<Answer> answers) {
    int n = answers.size();
    Map<String, Integer> questionIds = new HashMap<>();
    Map<String, Integer> workerIds = new HashMap<>();
    Map<String, Integer> labelIds = new HashMap<>();
    int[] q = new int[n];
    int[] w = new int[n];
    int[] l = new int[n];
    for (int i = 0; i < n; i++) {
      Answer answer = answers.get(i);
      q[i] = idOf(questionIds, answer.question());
      w[i] = idOf(workerIds, answer.worker());
      l[i] = idOf(labelIds, answer.label());
    }
    String[] questions = sortedNames(questionIds);
    String[] workers = sortedNames(workerIds);
    String[] labels = sortedNames(labelIds);
    int[] questionRank = ranks(questionIds, questions);
    int[] workerRank = ranks(workerIds, workers);
    int[] labelRank = ranks(labelIds, labels);

    // One sort on (question, worker, label): answers grouped by question, and within a question
    // in an order that does not depend on the input's, so that sums are added in the same order
    // and results agree to the last bit however the answers were ordered.
    long workerCount = workers.length;
    long labelCount = labels.length;
    // The keys fit a long for any realistic size; past that, fail rather than mix answers up.
    Math.multiplyExact(Math.multiplyExact((long) questions.length, workerCount), labelCount);
    long[] keys = new long[n];
    for (int i = 0; i < n; i++) {
      keys[i] =
          (questionRank[q[i]] * workerCount + workerRank[w[i]]) * labelCount + labelRank[l[i]];
    }
    Arrays.sort(keys);
    int[] start = new int[questions.length + 1];
    int[] worker = new int[n];
    int[] label = new int[n];
    for (int i = 0; i < n; i++) {
      long questionAndWorker = keys[i] / labelCount;
      label[i] = (int) (keys[i] % labelCount);
      worker[i] = (int) (questionAndWorker % workerCount);
      start[(int) (questionAndWorker / workerCount) + 1]++;
    }
    for (int i = 0; i < questions.length; i++) {
      start[i + 1] += start[i];
    }
    return new AnswerIndex(questions, workers, labels, start, worker, label);
  }

  int questionCount() {
    return questions.length;
  }

  private static int idOf(Map<String, Integer> ids, String name) {
    Integer id = ids.get(name);
    if (id == null) {
      id = ids.size();
      ids.put(name, id);
    }
    return id;
  }

  private static String[] sortedNames(Map<String, Integer> ids) {
    String[] names = ids.keySet().toArray(String[]::new);
    Arrays.sort(names);
    return names;
  }

  /** For each first-seen id, its position among the sorted names. */
  private static int[] ranks(Map<String, Integer> ids, String[] sorted) {
    int[] rank = new int[sorted.length];
    for (int i = 0; i < sorted.length; i++) {
      rank[ids.get(sorted[i])] = i;
    }
    return rank;
  }
}
