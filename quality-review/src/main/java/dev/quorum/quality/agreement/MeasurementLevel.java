package dev.quorum.quality.agreement;

/**
 * The scale of the values being coded. It decides which disagreements Krippendorff's alpha counts
 * as large: any mismatch (nominal), the mass of values between two ranks (ordinal), the squared
 * distance (interval) or the squared distance relative to the magnitude (ratio).
 */
public enum MeasurementLevel {
  NOMINAL,
  ORDINAL,
  INTERVAL,
  RATIO
}
