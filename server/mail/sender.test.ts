import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { SMTPServer } from "smtp-server";
import { getTestDb } from "@/db/testing";
import { buildUser } from "@/db/factories";
import { mailOutbox } from "@/db/schema";
import { queueMail } from "./outbox";
import { keepMailsUnsent, MAX_ATTEMPTS, retryDelayMs, sendDueMails, startMailSender, type MailTransport } from "./sender";
import { readUnsubscribeToken } from "./unsubscribe-token";

const db = getTestDb();
const FROM = "Wiki <wiki@exemple.fr>";
const mailTo = (recipient: string) => db.select().from(mailOutbox).where(eq(mailOutbox.recipient, recipient)).get()!;
const failing: MailTransport = { sendMail: () => Promise.reject(new Error("550 boîte inconnue")) };

type Received = { from: string; to: string[]; raw: string };

describe("sending through a real SMTP server", () => {
  const received: Received[] = [];
  let server: SMTPServer;
  let port = 0;

  beforeAll(async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on("data", (c: Buffer) => chunks.push(c));
        stream.on("end", () => {
          received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
            to: session.envelope.rcptTo.map((r) => r.address),
            raw: Buffer.concat(chunks).toString("utf8"),
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("delivers the queued mail with its subject, text and one-click unsubscribe headers", async () => {
    const person = buildUser();
    queueMail(db, { to: person.email, subject: "Léa vous a mentionné sur « Café numérique »", text: "Bonjour,\n\nLéa vous a mentionné.", unsubscribe: { userId: person.id } });
    // The server's own sender: its first pass runs at start, and stopping waits for it.
    const stop = startMailSender(db, { smtpUrl: `smtp://127.0.0.1:${port}`, from: FROM });
    await stop();

    const message = received.find((m) => m.to.includes(person.email))!;
    expect(message.from).toBe("wiki@exemple.fr");
    const parsed = await simpleParse(message.raw);
    expect(parsed.subject).toBe("Léa vous a mentionné sur « Café numérique »");
    expect(parsed.text).toContain("Léa vous a mentionné.");
    expect(parsed.text).toContain("/compte/notifications");
    expect(parsed.headers.get("list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");
    const link = /^<(.+)>$/.exec(parsed.headers.get("list-unsubscribe")!)![1];
    const token = decodeURIComponent(new URL(link).searchParams.get("t")!);
    expect(new URL(link).pathname).toBe("/desabonnement/un-clic");
    expect(readUnsubscribeToken(token)).toEqual({ userId: person.id });
    expect(mailTo(person.email)).toMatchObject({ statut: "envoye", attempts: 1, lastError: null });
  });
});

describe("sendDueMails", () => {
  it("retries a failing mail later and later, then gives up as echec", async () => {
    const person = buildUser();
    queueMail(db, { to: person.email, subject: "Résumé", text: "…", unsubscribe: { userId: person.id } });
    let now = new Date("2026-03-05T08:00:00Z");
    await sendDueMails(db, failing, FROM, () => now);
    expect(mailTo(person.email)).toMatchObject({ statut: "en_attente", attempts: 1, lastError: "550 boîte inconnue", nextAttemptAt: new Date(now.getTime() + 60_000) });

    // Not due yet: not tried.
    now = new Date(now.getTime() + 30_000);
    await sendDueMails(db, failing, FROM, () => now);
    expect(mailTo(person.email).attempts).toBe(1);

    for (let attempt = 2; attempt <= MAX_ATTEMPTS; attempt++) {
      now = mailTo(person.email).nextAttemptAt!;
      await sendDueMails(db, failing, FROM, () => now);
    }
    expect(mailTo(person.email)).toMatchObject({ statut: "echec", attempts: MAX_ATTEMPTS, nextAttemptAt: null });
  });

  it("doubles the delay from a minute up to twelve hours", () => {
    expect([1, 2, 3, 10, 11, 20].map(retryDelayMs)).toEqual([60_000, 120_000, 240_000, 512 * 60_000, 12 * 60 * 60 * 1000, 12 * 60 * 60 * 1000]);
  });

  it("without SMTP, keeps waiting mails in the outbox as non_configure, and says so once at start", async () => {
    const person = buildUser();
    queueMail(db, { to: person.email, subject: "Résumé", text: "…", unsubscribe: { userId: person.id } });
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    try {
      await startMailSender(db, { smtpUrl: null, from: FROM })();
      expect(warn.mock.calls).toEqual([["SMTP_URL absent : les courriels restent dans la boîte d'envoi (/admin/courriels)."]]);
    } finally {
      warn.mockRestore();
    }
    expect(mailTo(person.email).statut).toBe("non_configure");
    queueMail(db, { to: `autre-${person.email}`, subject: "Résumé", text: "…", unsubscribe: { userId: person.id } });
    expect(keepMailsUnsent(db)).toBe(1);
  });
});

/** Enough of RFC 5322 for these assertions: unfolded headers, decoded encoded-words and a quoted-printable body. */
async function simpleParse(raw: string): Promise<{ subject: string; text: string; headers: Map<string, string> }> {
  const [head, ...body] = raw.split("\r\n\r\n");
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r\n[ \t]+/g, " ").split("\r\n")) {
    const colon = line.indexOf(":");
    headers.set(line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim());
  }
  const decodeQ = (data: string) => decodeURIComponent(data.replace(/=\r\n/g, "").replace(/%/g, "%25").replace(/=([0-9A-F]{2})/gi, "%$1"));
  const words = (value: string) =>
    value.replace(/=\?utf-8\?([QB])\?([^?]*)\?=\s*/gi, (_, enc: string, data: string) =>
      enc.toUpperCase() === "B" ? Buffer.from(data, "base64").toString("utf8") : decodeQ(data.replace(/_/g, " ")),
    );
  const encoding = headers.get("content-transfer-encoding")?.toLowerCase();
  const rawBody = body.join("\r\n\r\n");
  const text = encoding === "quoted-printable" ? decodeQ(rawBody) : encoding === "base64" ? Buffer.from(rawBody, "base64").toString("utf8") : rawBody;
  return { subject: words(headers.get("subject") ?? ""), text, headers };
}
