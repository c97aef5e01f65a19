import { describe, expect, it } from 'vitest';
import {
  attachmentDisposition,
  beginsAsItsType,
  isUploadType,
  UPLOAD_TYPES,
} from '#core/rules/attachments';

const head = (...parts: (string | number[])[]) =>
  Buffer.concat(
    parts.map((part) =>
      typeof part === 'string' ? Buffer.from(part, 'latin1') : Buffer.from(part)
    )
  );

describe('beginsAsItsType', () => {
  it.each([
    ['application/pdf', head('%PDF-1.7\n')],
    ['image/png', head([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0])],
    ['image/jpeg', head([0xff, 0xd8, 0xff, 0xe0])],
    ['image/gif', head('GIF89a')],
    ['image/webp', head('RIFF', [1, 2, 3, 4], 'WEBPVP8 ')],
    ['application/zip', head([0x50, 0x4b, 0x03, 0x04])],
    ['text/plain', head('hello\n')],
    ['text/csv', head('a,b\n1,2\n')],
  ] as const)('accepts the first bytes of a real %s', (type, bytes) => {
    // Act
    const accepted = beginsAsItsType(type, bytes);

    // Assess
    expect(accepted).toBe(true);
  });

  it('refuses every type for bytes of another (a renamed file), text holding a NUL included', () => {
    // Prepare
    const exe = head('MZ', [0x90, 0, 3, 0]);

    // Act
    const accepted = UPLOAD_TYPES.filter((type) => beginsAsItsType(type, exe));

    // Assess
    expect(accepted).toEqual([]);
  });

  it('knows only the listed types, not inherited object keys', () => {
    // Assess
    expect(isUploadType('text/html')).toBe(false);
    expect(isUploadType('constructor')).toBe(false);
    expect(isUploadType('image/png')).toBe(true);
  });
});

describe('attachmentDisposition', () => {
  it('keeps CR, LF, quotes and semicolons of a name out of the header, exact in filename*', () => {
    // Act
    const header = attachmentDisposition('a"b;\r\nSet-Cookie: x=1.pdf');

    // Assess
    expect(header).not.toMatch(/[\r\n]/);
    expect(header).toBe(
      `attachment; filename="a_b_Set-Cookie_ x_1.pdf"; filename*=UTF-8''a%22b%3B%0D%0ASet-Cookie%3A%20x%3D1.pdf`
    );
  });

  it('replaces each run of unsafe characters by one underscore', () => {
    // Assess
    expect(attachmentDisposition('"')).toBe(`attachment; filename="_"; filename*=UTF-8''%22`);
  });
});
