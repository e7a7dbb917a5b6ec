import type { FieldError } from '../core/errors/problem.js';

export interface Rating {
  criterionKey: string;
  /** 1–5. Null only for an imported historical assessment whose published rationale carried no score. */
  rating: number | null;
  rationale: string;
}

/** Ratings of criteria the programme does not have, or of one criterion twice. */
export function ratingProblems(ratings: Rating[], criterionKeys: string[]): FieldError[] {
  const seen = new Set<string>();
  return ratings.flatMap((rating, index): FieldError[] => {
    const field = `ratings[${index}].criterionKey`;
    if (!criterionKeys.includes(rating.criterionKey)) return [{ field, message: `er ikke et af puljens kriterier (${criterionKeys.join(', ')})` }];
    if (seen.has(rating.criterionKey)) return [{ field, message: 'er vurderet to gange' }];
    seen.add(rating.criterionKey);
    return [];
  });
}

/** The criteria still without a rating and a rationale; an assessment is complete when there are none. */
export function unratedCriteria(ratings: Rating[], criterionKeys: string[]): string[] {
  const rated = new Set(ratings.filter((rating) => rating.rationale.trim().length > 0).map((rating) => rating.criterionKey));
  return criterionKeys.filter((key) => !rated.has(key));
}
