import { DomainError } from "./errors";
import { RateLimiter } from "./rate-limit";

// A member writing a lively discussion posts a few messages a minute at most; 20 in 10 minutes
// lets that through and stops a script. Visitors' questions all go to the moderators: 5 an hour
// per address keeps that queue readable.
export const COMMENT_RATE_LIMITS = {
  member: { limit: 20, windowMs: 10 * 60_000 },
  visitor: { limit: 5, windowMs: 60 * 60_000 },
} as const;

const slot = globalThis as unknown as { __wikiCommentLimiters?: { member: RateLimiter; visitor: RateLimiter } };

/** The process-wide comment limiters: per account, and per client address for visitors' questions. */
export function commentRateLimiters(): { member: RateLimiter; visitor: RateLimiter } {
  slot.__wikiCommentLimiters ??= {
    member: new RateLimiter(COMMENT_RATE_LIMITS.member.limit, COMMENT_RATE_LIMITS.member.windowMs),
    visitor: new RateLimiter(COMMENT_RATE_LIMITS.visitor.limit, COMMENT_RATE_LIMITS.visitor.windowMs),
  };
  return slot.__wikiCommentLimiters;
}

const minutes = (seconds: number) => {
  const n = Math.ceil(seconds / 60);
  return n > 1 ? `${n} minutes` : "1 minute";
};

/** Counts one message for an account; refuses, saying when to retry, past the limit. */
export function takeMemberComment(userId: number): void {
  const decision = commentRateLimiters().member.take(`user:${userId}`);
  if (decision.allowed) return;
  throw new DomainError(
    "rate_limited",
    `Vous avez envoyé beaucoup de messages en peu de temps (${decision.limit} en ${minutes(decision.windowSeconds)}). Réessayez dans ${minutes(decision.resetSeconds)}.`,
    undefined,
    `Too many comments: at most ${decision.limit} in ${decision.windowSeconds} seconds. Retry in ${decision.resetSeconds} seconds.`,
  );
}

/** Counts one visitor's question for a client address; refuses past the limit. */
export function takeVisitorQuestion(clientAddress: string): void {
  const decision = commentRateLimiters().visitor.take(`ip:${clientAddress}`);
  if (decision.allowed) return;
  throw new DomainError(
    "rate_limited",
    `Trop de questions envoyées depuis votre adresse (${decision.limit} par heure au plus). Réessayez dans ${minutes(decision.resetSeconds)}.`,
    undefined,
    `Too many questions from this address. Retry in ${decision.resetSeconds} seconds.`,
  );
}
