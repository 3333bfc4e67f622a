import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "@/db/client";
import { signInSchema } from "@/lib/schemas/user";
import { getUserById, getUserByOidcSubject } from "@/server/user";
import { CLIENT_IP_HEADER } from "./client-ip";
import { decideOidcSignIn } from "./oidc";
import { signInThrottle } from "./rate-limit";
import { SIGN_IN_FAILED, signInWithPassword } from "./sign-in";
import { userIdOfToken } from "./token";

function headerValue(headers: unknown, name: string): string | undefined {
  if (!headers) return undefined;
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const value = (headers as Record<string, string | string[] | undefined>)[name];
  return Array.isArray(value) ? value[0] : value;
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
        const address = headerValue(req?.headers, CLIENT_IP_HEADER) ?? "unknown";
        const result = await signInWithPassword(getDb(), signInThrottle(), { email, password, address });
        if (!result.ok) throw new Error(result.message);
        return { id: String(result.user.id), name: result.user.name, email: result.user.email };
      },
    }),
    ...oidcProvider(),
  ],
  callbacks: {
    async signIn({ account, profile, user }) {
      if (account?.provider !== "oidc") return true;
      // A string sends the person to it instead of signing them in: next-auth's false only says AccessDenied.
      return decideOidcSignIn(getDb(), {
        subject: account.providerAccountId,
        claims: profile as Record<string, unknown> | undefined,
        email: user.email,
        name: user.name,
      });
    },
    async jwt({ token, user, account }) {
      if (account?.provider === "oidc" && user) {
        // signIn has just linked or created the account of this subject, or refused the sign-in.
        const found = getUserByOidcSubject(getDb(), account.providerAccountId);
        if (!found) throw new Error(`No account linked to the OIDC subject ${account.providerAccountId}.`);
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
