import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "@/db/client";
import { signInSchema } from "@/lib/schemas/user";
import { getUserById, upsertOidcUser, verifyCredentials } from "@/server/user";
import { signInLimiters } from "./rate-limit";

export const SIGN_IN_FAILED = "Adresse électronique ou mot de passe incorrect.";
import { CLIENT_IP_HEADER } from "./client-ip";
import { userIdOfToken } from "./token";

function headerValue(headers: unknown, name: string): string | undefined {
  if (!headers) return undefined;
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const value = (headers as Record<string, string | string[] | undefined>)[name];
  return Array.isArray(value) ? value[0] : value;
}

function minutes(seconds: number): string {
  const n = Math.max(1, Math.ceil(seconds / 60));
  return `${n} minute${n > 1 ? "s" : ""}`;
}

/** The OpenID Connect provider (ProConnect or any other), when OIDC_ISSUER and its client are set. */
function oidcProvider(): NextAuthOptions["providers"] {
  const issuer = process.env.OIDC_ISSUER;
  const clientId = process.env.OIDC_CLIENT_ID;
  const clientSecret = process.env.OIDC_CLIENT_SECRET;
  if (!issuer || !clientId || !clientSecret) return [];
  return [
    {
      id: "oidc",
      name: process.env.OIDC_NAME || "ProConnect",
      type: "oauth",
      wellKnown: `${issuer.replace(/\/$/, "")}/.well-known/openid-configuration`,
      clientId,
      clientSecret,
      idToken: true,
      checks: ["pkce", "state", "nonce"],
      authorization: { params: { scope: process.env.OIDC_SCOPE || "openid email profile" } },
      profile(profile: Record<string, string>) {
        const name = profile.name || [profile.given_name, profile.usual_name ?? profile.family_name].filter(Boolean).join(" ");
        return { id: profile.sub, email: profile.email, name: name || profile.email };
      },
    },
  ];
}

/** next-auth configuration: JWT sessions, email + password, and the optional OIDC provider. */
export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  pages: { signIn: "/connexion", error: "/connexion" },
  providers: [
    CredentialsProvider({
      id: "credentials",
      name: "Adresse électronique",
      credentials: { email: { label: "Adresse électronique", type: "email" }, password: { label: "Mot de passe", type: "password" } },
      async authorize(credentials, req) {
        const parsed = signInSchema.safeParse(credentials ?? {});
        if (!parsed.success) throw new Error(SIGN_IN_FAILED);
        const { email, password } = parsed.data;
        const ip = headerValue(req?.headers, CLIENT_IP_HEADER) ?? "unknown";
        const limiters = signInLimiters();
        const wait = Math.max(limiters.account.retryAfterSeconds(email), limiters.ip.retryAfterSeconds(ip));
        if (wait > 0) {
          throw new Error(`Trop de tentatives de connexion. Par sécurité, réessayez dans ${minutes(wait)}.`);
        }
        const found = await verifyCredentials(getDb(), email, password);
        if (!found) {
          // Only failures count: a person who signs in often is never locked out.
          limiters.account.take(email);
          limiters.ip.take(ip);
          throw new Error(SIGN_IN_FAILED);
        }
        limiters.account.reset(email);
        return { id: String(found.id), name: found.name, email: found.email };
      },
    }),
    ...oidcProvider(),
  ],
  callbacks: {
    async signIn({ account, profile, user }) {
      if (account?.provider !== "oidc") return true;
      const email = (profile?.email ?? user.email ?? "").toLowerCase();
      if (!email || !account.providerAccountId) return false;
      const found = upsertOidcUser(getDb(), { subject: account.providerAccountId, email, name: user.name ?? email });
      return !found.disabled;
    },
    async jwt({ token, user, account }) {
      if (account?.provider === "oidc" && user) {
        const found = upsertOidcUser(getDb(), { subject: account.providerAccountId, email: (user.email ?? "").toLowerCase(), name: user.name ?? "" });
        token.uid = found.id;
      } else if (user) {
        token.uid = Number(user.id);
      }
      return token;
    },
    async session({ session, token }) {
      const uid = userIdOfToken(token);
      const found = uid ? getUserById(getDb(), uid) : undefined;
      if (session.user && found) {
        session.user.name = found.name;
        session.user.email = found.email;
        (session.user as { id?: number }).id = found.id;
      }
      return session;
    },
  },
};
