package dev.quorum.quality.aggregation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Dawid and Skene (1979): each worker has a confusion matrix (the probability of answering label
 * {@code l} when the truth is {@code k}), and expectation-maximisation estimates those matrices,
 * the label priors and each question's posterior over labels together.
 *
 * <p>As specified for Quorum: EM starts from the majority-vote shares (a question's initial
 * posterior is the share of each label among its answers), adds {@value #SMOOTHING} to every entry
 * of each worker's confusion matrix (each row estimated from the soft counts, then smoothed and
 * normalised again, so a worker who never gave a label is not certain never to give it), takes the
 * priors from the posteriors, and stops once no posterior moves by more than {@value #TOLERANCE},
 * or after {@value #MAX_ITERATIONS} iterations. The label of a question is the one with the highest
 * posterior (the first in sorted order on an exact tie); its confidence is that posterior.
 *
 * <p>Everything runs on int ids and flat arrays. The E-step multiplies probabilities rather than
 * adding logarithms, which cost an {@code exp} per question and label in every iteration (about a
 * third of the run time on D_Product); a question whose product gets small enough to underflow
 * later is scaled back up by a power of two, which changes no ratio and loses no bit. The confusion
 * matrices and priors reported are those of the last M-step, the ones the final posteriors were
 * computed from.
 */
public final class DawidSkene implements TruthInference {

  static final double SMOOTHING = 0.01;
  static final double TOLERANCE = 1e-6;
  static final int MAX_ITERATIONS = 100;

  /**
   * The labels and what EM learnt on the way: iterations run, whether the posteriors settled before
   * the limit, the label priors, and each worker's confusion matrix.
   */
  public record Result(
      List<InferredLabel> labels,
      int iterations,
      boolean converged,
      Map<String, Double> priors,
      Map<String, WorkerQuality> workers) {

    public Result {
      labels = List.copyOf(labels);
      priors = Collections.unmodifiableMap(new LinkedHashMap<>(priors));
      workers = Collections.unmodifiableMap(new LinkedHashMap<>(workers));
    }
  }

  /**
   * One worker's estimated behaviour. {@code confusion.get(truth).get(answered)} is the probability
   * of answering {@code answered} when the truth is {@code truth}; {@code accuracy} is the chance
   * of answering correctly, the diagonal weighted by the label priors.
   */
  public record WorkerQuality(double accuracy, Map<String, Map<String, Double>> confusion) {

    public WorkerQuality {
      Map<String, Map<String, Double>> copy = new LinkedHashMap<>();
      confusion.forEach(
          (truth, row) -> copy.put(truth, Collections.unmodifiableMap(new LinkedHashMap<>(row))));
      confusion = Collections.unmodifiableMap(copy);
    }
  }

  @Override
  public List<InferredLabel> infer(List<Answer> answers) {
    AnswerIndex index = AnswerIndex.of(answers);
    return labels(index, estimate(index));
  }

  /** Like {@link #infer}, with the iterations and the worker confusion matrices. */
  public Result fit(List<Answer> answers) {
    AnswerIndex index = AnswerIndex.of(answers);
    Em em = estimate(index);
    int k = index.labels.length;
    Map<String, Double> priors = new LinkedHashMap<>();
    for (int t = 0; t < k; t++) {
      priors.put(index.labels[t], em.prior[t]);
    }
    Map<String, WorkerQuality> workers = new LinkedHashMap<>();
    for (int w = 0; w < index.workers.length; w++) {
      Map<String, Map<String, Double>> confusion = new LinkedHashMap<>();
      double accuracy = 0;
      for (int t = 0; t < k; t++) {
        Map<String, Double> row = new LinkedHashMap<>();
        for (int l = 0; l < k; l++) {
          row.put(index.labels[l], em.confusion[(w * k + l) * k + t]);
        }
        accuracy += em.prior[t] * row.get(index.labels[t]);
        confusion.put(index.labels[t], row);
      }
      workers.put(index.workers[w], new WorkerQuality(accuracy, confusion));
    }
    return new Result(labels(index, em), em.iterations, em.converged, priors, workers);
  }

  private static Em estimate(AnswerIndex index) {
    Em em = new Em(index);
    while (em.iterations < MAX_ITERATIONS && !em.converged) {
      em.iterations++;
      em.maximise();
      em.converged = em.expect() <= TOLERANCE;
    }
    return em;
  }

  /**
   * The state of EM over one set of answers. {@code posterior[q*K + t]}: probability that question
   * q's truth is t. {@code confusion[(w*K + l)*K + t]}: probability that worker w answers l when
   * the truth is t; laid out with the truth innermost because both steps, for one answer, run over
   * the truths.
   */
  private static final class Em {

    /** Below this a question's likelihoods are scaled up by {@link #SCALE_UP}: 2^-500, 2^500. */
    private static final double SMALL = 0x1p-500;

    private static final double SCALE_UP = 0x1p500;

    final int k;
    final int[] start;

    /** Per answer, where the row of its worker and given label starts in counts and confusion. */
    final int[] cell;

    final double[] posterior;
    final double[] prior;
    final double[] counts;
    final double[] confusion;
    final double[] terms;
    int iterations;
    boolean converged;

    /** Starts from the majority-vote shares: each question's answers, as a distribution. */
    Em(AnswerIndex index) {
      k = index.labels.length;
      start = index.start;
      cell = new int[index.worker.length];
      for (int a = 0; a < cell.length; a++) {
        cell[a] = (index.worker[a] * k + index.label[a]) * k;
      }
      posterior = new double[index.questionCount() * k];
      prior = new double[k];
      counts = new double[index.workers.length * k * k];
      confusion = new double[counts.length];
      terms = new double[k];
      for (int q = 0; q < index.questionCount(); q++) {
        double share = 1.0 / (start[q + 1] - start[q]);
        for (int a = start[q]; a < start[q + 1]; a++) {
          posterior[q * k + index.label[a]] += share;
        }
      }
    }

    /** M-step: priors and smoothed confusion matrices from the current posteriors. */
    void maximise() {
      int questions = start.length - 1;
      Arrays.fill(prior, 0);
      Arrays.fill(counts, 0);
      for (int q = 0; q < questions; q++) {
        int p = q * k;
        for (int t = 0; t < k; t++) {
          prior[t] += posterior[p + t];
        }
        for (int a = start[q]; a < start[q + 1]; a++) {
          int c = cell[a];
          for (int t = 0; t < k; t++) {
            counts[c + t] += posterior[p + t];
          }
        }
      }
      for (int t = 0; t < k; t++) {
        prior[t] /= questions;
      }
      // Each row (a worker, a true label) is estimated from the soft counts, then 0.01 is added to
      // each of its entries and it is normalised again: a worker is never certain never to give a
      // label, however many answers they gave (see the class comment on why not the raw counts).
      double renormalise = 1 + k * SMOOTHING;
      for (int base = 0; base < counts.length; base += k * k) {
        for (int t = 0; t < k; t++) {
          double row = 0;
          for (int l = 0; l < k; l++) {
            row += counts[base + l * k + t];
          }
          for (int l = 0; l < k; l++) {
            double estimate = row == 0 ? 1.0 / k : counts[base + l * k + t] / row;
            confusion[base + l * k + t] = (estimate + SMOOTHING) / renormalise;
          }
        }
      }
    }

    /**
     * E-step: each question's posterior from the priors and its answers' confusion entries. Returns
     * the largest change of any posterior.
     */
    double expect() {
      double change = 0;
      for (int q = 0; q < start.length - 1; q++) {
        System.arraycopy(prior, 0, terms, 0, k);
        for (int a = start[q]; a < start[q + 1]; a++) {
          int c = cell[a];
          double max = 0;
          for (int t = 0; t < k; t++) {
            terms[t] *= confusion[c + t];
            max = Math.max(max, terms[t]);
          }
          // A confusion entry is at least SMOOTHING / (1 + K * SMOOTHING), so one factor cannot
          // take a term from 2^-500 down past the smallest double.
          if (max < SMALL) {
            for (int t = 0; t < k; t++) {
              terms[t] *= SCALE_UP;
            }
          }
        }
        double sum = 0;
        for (int t = 0; t < k; t++) {
          sum += terms[t];
        }
        int p = q * k;
        for (int t = 0; t < k; t++) {
          double updated = terms[t] / sum;
          change = Math.max(change, Math.abs(updated - posterior[p + t]));
          posterior[p + t] = updated;
        }
      }
      return change;
    }
  }

  private static List<InferredLabel> labels(AnswerIndex index, Em em) {
    int k = index.labels.length;
    List<InferredLabel> result = new ArrayList<>(index.questionCount());
    for (int q = 0; q < index.questionCount(); q++) {
      int best = 0;
      for (int t = 1; t < k; t++) {
        if (em.posterior[q * k + t] > em.posterior[q * k + best]) {
          best = t;
        }
      }
      result.add(
          new InferredLabel(index.questions[q], index.labels[best], em.posterior[q * k + best]));
    }
    return List.copyOf(result);
  }
}
