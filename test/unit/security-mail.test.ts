/**
 * Security mail (email change, invitations) in the language of the person
 * concerned: Spanish when their `language` is `es`, English otherwise and
 * for tasks written before a language was kept.
 */
import { describe, expect, it } from 'vitest';
import type { InviteLoginTask } from '#core/entities/outbox';
import {
  emailChangedMail,
  emailChangeRequestedMails,
  existingLoginInvitationText,
  invitationText,
} from '#core/mail/security-mail';

const invite = (language?: 'en' | 'es'): InviteLoginTask => ({
  kind: 'invite-login',
  loginId: 'login-1',
  email: 'ana@example.com',
  firstName: 'Ana',
  accountName: 'Acme\r\nBcc: evil@example.com',
  ...(language ? { language } : {}),
});

describe('security mail', () => {
  it('writes the email-change code and heads-up in Spanish to a Spanish person, to the right addresses', () => {
    // Act
    const [code, headsUp] = emailChangeRequestedMails(
      { email: 'old@example.com', language: 'es' },
      'new@example.com',
      '123456'
    );

    // Assess
    expect(code).toMatchObject({
      to: 'new@example.com',
      subject: 'Confirme el nuevo correo de su acceso',
    });
    expect(code?.text).toContain('Su código de confirmación es 123456');
    expect(headsUp).toMatchObject({
      to: 'old@example.com',
      subject: 'El correo de su acceso va a cambiar',
    });
    expect(headsUp?.text).toContain('n**@example.com');
    expect(headsUp?.text).not.toContain('new@example.com');
  });

  it('keeps English for an English person and for a person whose language is unknown', () => {
    // Act
    const english = emailChangedMail(
      { email: 'new@example.com', language: 'en' },
      'old@example.com'
    );
    const unknown = emailChangedMail({ email: 'new@example.com' }, 'old@example.com');
    const spanish = emailChangedMail(
      { email: 'new@example.com', language: 'es' },
      'old@example.com'
    );

    // Assess
    expect(english.subject).toBe('Your login email has changed');
    expect(unknown).toEqual(english);
    expect(spanish).toMatchObject({
      to: 'old@example.com',
      subject: 'El correo de su acceso ha cambiado',
    });
  });

  it('invites in the contact’s language, the account name quoted on one line whatever it holds', () => {
    // Act
    const spanish = invitationText(invite('es'), 'Temp-Pass-1');
    const older = invitationText(invite(), 'Temp-Pass-1');
    const existing = existingLoginInvitationText(invite('es'));

    // Assess
    expect(spanish.subject).toBe('Su acceso a un área de clientes');
    expect(spanish.text).toContain('contraseña temporal:\n\n    Temp-Pass-1');
    expect(spanish.text).toContain('Cuenta: \u201cAcme Bcc: evil@example.com\u201d');
    expect(older.subject).toBe('Your login to a client area');
    expect(existing.subject).toBe('Una invitación a otra área de clientes');
    expect(existing.text).not.toMatch(/\r|\nBcc/);
  });
});
