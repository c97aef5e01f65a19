/**
 * Files of ticket messages through the API, end to end: a declared upload,
 * the presigned PUT to the local S3 front (which checks the signature as
 * S3 would), the ticket or reply naming it, and the download link on the
 * message. Then the ways another account, a lesser login or a stranger
 * could try to misuse an upload id, each refused with nothing saved.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS } from '#core/rules/attachments';
import { useGateway } from '../support/gateway.ts';
import { problemType } from '../support/problems.ts';
import { staffCall } from '../support/staff-calls.ts';
import {
  accessTokenFor,
  addSubAccountLogin,
  signedInTenant,
  type Tenant,
} from '../support/tenants.ts';
import {
  type Declared,
  declareUpload,
  download,
  pdfBytes,
  putToLink,
  replaceStaged,
  uploadFile,
} from '../support/uploads.ts';

const gateway = useGateway();
let home: Tenant;
let homeToken: string;
let other: Tenant;
let otherToken: string;
let isolatedToken: string;
let lesserToken: string;

type Attachment = { name: string; size: number; contentType: string; url: string | null };
type Message = { id: string; attachments: Attachment[] };

const tickets = (tenant: Tenant) => `/accounts/${tenant.accountId}/tickets`;
const upload = (file: { filename: string; contentType: string; bytes: Buffer }, as = homeToken) =>
  uploadFile(gateway, as, home.accountId, file);
const openWith = (attachments: string[], token = homeToken, tenant = home) =>
  gateway.api('POST', tickets(tenant), {
    token,
    body: { subject: 'Logs attached', body: 'See the files.', attachments },
  });
const ticketCount = async () => {
  const list = await gateway.api('GET', `${tickets(home)}?limit=100`, { token: homeToken });
  return (list.body.items as unknown[]).length;
};

beforeAll(async () => {
  [{ tenant: home, token: homeToken }, { tenant: other, token: otherToken }] = await Promise.all([
    signedInTenant('Attach'),
    signedInTenant('Attachother'),
  ]);
  const [isolated, lesser] = await Promise.all([
    addSubAccountLogin(home, ['tickets'], 'active', { scope: 'isolated', services: [] }),
    addSubAccountLogin(home, ['tickets'], 'active', { scope: 'global' }),
  ]);
  [isolatedToken, lesserToken] = await Promise.all([
    accessTokenFor(isolated.email),
    accessTokenFor(lesser.email),
  ]);
});

describe('a ticket with an uploaded file', () => {
  it('lists the file with a link that downloads the same bytes under its name', async () => {
    // Prepare
    const bytes = pdfBytes('invoice copy');
    const id = await upload({
      filename: 'Rechnung "März"; x.pdf',
      contentType: 'application/pdf',
      bytes,
    });

    // Act
    const opened = await openWith([id]);
    const detail = await gateway.api('GET', `${tickets(home)}/${opened.body.id}`, {
      token: homeToken,
    });
    const [file] = (detail.body.messages as Message[])[0]?.attachments ?? [];
    const fetched = await download(file?.url ?? '');

    // Assess
    expect(opened.status, opened.text).toBe(201);
    expect(file).toMatchObject({
      name: 'Rechnung "März"; x.pdf',
      size: bytes.length,
      contentType: 'application/pdf',
    });
    expect(fetched.status).toBe(200);
    expect(fetched.bytes.equals(bytes)).toBe(true);
    expect(fetched.headers.get('content-type')).toBe('application/pdf');
    // The name reaches the header with no quote or semicolon of its own, exact in filename*.
    expect(fetched.headers.get('content-disposition')).toBe(
      `attachment; filename="Rechnung _M_rz_ x.pdf"; filename*=UTF-8''Rechnung%20%22M%C3%A4rz%22%3B%20x.pdf`
    );
  });

  it('takes files on a reply too, and the helpdesk sees their links', async () => {
    // Prepare
    const opened = await openWith([]);
    const bytes = Buffer.from('time,status\n09:00,502\n');
    const id = await upload({ filename: 'errors.csv', contentType: 'text/csv', bytes });

    // Act
    const reply = await gateway.api('POST', `${tickets(home)}/${opened.body.id}/replies`, {
      token: homeToken,
      body: { body: 'The log.', attachments: [id] },
    });
    const staff = await staffCall(gateway.url, 'GET', `/staff/tickets/${opened.body.id}`);
    const staffFile = (staff.body.messages as Message[])[1]?.attachments[0];

    // Assess
    expect(reply.status, reply.text).toBe(201);
    expect((reply.body.message as Message).attachments[0]).toMatchObject({ name: 'errors.csv' });
    expect((await download(staffFile?.url ?? '')).bytes.equals(bytes)).toBe(true);
  });

  it('answers a retry with the same Idempotency-Key as the first, files included', async () => {
    // Prepare
    const id = await upload({
      filename: 'a.txt',
      contentType: 'text/plain',
      bytes: Buffer.from('hello'),
    });
    const send = () =>
      gateway.api('POST', tickets(home), {
        token: homeToken,
        headers: { 'idempotency-key': `attach-${id}` },
        body: { subject: 'Once', body: 'Only once.', attachments: [id] },
      });

    // Act
    const first = await send();
    const again = await send();

    // Assess
    expect(first.status, first.text).toBe(201);
    expect(again.status, again.text).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body.id).toBe(first.body.id);
  });
});

describe('download links are signed only for who may read the ticket', () => {
  it('gives an isolated contact and another account a 404 without any link', async () => {
    // Prepare
    const id = await upload({
      filename: 'secret.txt',
      contentType: 'text/plain',
      bytes: Buffer.from('secret'),
    });
    const opened = await openWith([id]);
    const path = (tenant: Tenant) => `${tickets(tenant)}/${opened.body.id}`;

    // Act
    const isolated = await gateway.api('GET', path(home), { token: isolatedToken });
    const stranger = await gateway.api('GET', path(home), { token: otherToken });
    const otherAccount = await gateway.api('GET', path(other), { token: otherToken });

    // Assess
    for (const response of [isolated, stranger, otherAccount]) {
      expect(response.status).toBe(404);
      expect(response.text).not.toContain('X-Amz-Signature');
    }
  });
});

describe('an upload id is attached once, by the login that declared it, on its account', () => {
  it("refuses another account's upload id and saves nothing (its owner can still use it)", async () => {
    // Prepare
    const foreign = await uploadFile(gateway, otherToken, other.accountId, {
      filename: 'theirs.txt',
      contentType: 'text/plain',
      bytes: Buffer.from('theirs'),
    });
    const before = await ticketCount();

    // Act
    const refused = await openWith([foreign]);
    const ownerUse = await openWith([foreign], otherToken, other);

    // Assess
    expect(refused.status, refused.text).toBe(422);
    expect(refused.body.type).toBe(problemType('uploadUnknown'));
    expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'attachments[0]' })]);
    expect(await ticketCount()).toBe(before);
    expect(ownerUse.status, ownerUse.text).toBe(201);
  });

  it("refuses another login's upload id on the same account (a lesser sub-account)", async () => {
    // Prepare
    const primarys = await upload({
      filename: 'p.txt',
      contentType: 'text/plain',
      bytes: Buffer.from('p'),
    });

    // Act
    const refused = await openWith([primarys], lesserToken);

    // Assess
    expect(refused.status, refused.text).toBe(422);
    expect(refused.body.type).toBe(problemType('uploadUnknown'));
  });

  it('refuses an upload id used once already, on a ticket or a reply', async () => {
    // Prepare
    const id = await upload({
      filename: 'once.txt',
      contentType: 'text/plain',
      bytes: Buffer.from('1'),
    });
    const first = await openWith([id]);
    const before = await ticketCount();

    // Act
    const again = await openWith([id]);
    const asReply = await gateway.api('POST', `${tickets(home)}/${first.body.id}/replies`, {
      token: homeToken,
      body: { body: 'Again.', attachments: [id] },
    });

    // Assess
    expect(first.status, first.text).toBe(201);
    for (const refused of [again, asReply]) {
      expect(refused.status, refused.text).toBe(422);
      expect(refused.body.type).toBe(problemType('uploadUsed'));
    }
    expect(await ticketCount()).toBe(before);
  });
});

describe('the stored file must be what was declared', () => {
  it('refuses a declared size over the limit, and a PUT longer than declared', async () => {
    // Act
    const tooLarge = await declareUpload(gateway, homeToken, home.accountId, {
      filename: 'big.pdf',
      contentType: 'application/pdf',
      size: MAX_ATTACHMENT_BYTES + 1,
    });
    const declared = await declareUpload(gateway, homeToken, home.accountId, {
      filename: 'small.txt',
      contentType: 'text/plain',
      size: 10,
    });
    const put = await putToLink(declared.body as unknown as Declared, Buffer.alloc(20, 'a'));
    const attached = await openWith([declared.body.id as string]);

    // Assess
    expect(tooLarge.status, tooLarge.text).toBe(400);
    expect(put.status).toBe(403);
    expect(attached.status, attached.text).toBe(422);
    expect(attached.body.type).toBe(problemType('uploadMissing'));
  });

  it('refuses a staged file of another size than declared (should S3 ever store one)', async () => {
    // Prepare
    const id = await upload({
      filename: 'n.txt',
      contentType: 'text/plain',
      bytes: Buffer.from('12345'),
    });
    await replaceStaged(home.accountId, id, Buffer.from('1234567890'));

    // Act
    const attached = await openWith([id]);

    // Assess
    expect(attached.status, attached.text).toBe(422);
    expect(attached.body.type).toBe(problemType('uploadMismatch'));
  });

  it('refuses a file name that would break a header (CR, LF)', async () => {
    // Act
    const refused = await declareUpload(gateway, homeToken, home.accountId, {
      filename: 'a.txt\r\nSet-Cookie: x=1',
      contentType: 'text/plain',
      size: 1,
    });

    // Assess
    expect(refused.status, refused.text).toBe(400);
    expect(refused.body.errors).toEqual([
      expect.objectContaining({ field: 'filename', code: 'control_characters' }),
    ]);
  });

  it('refuses a type not allowed, and bytes that are not of the declared type', async () => {
    // Prepare
    const fake = Buffer.from('<script>alert(1)</script>');
    const html = await declareUpload(gateway, homeToken, home.accountId, {
      filename: 'page.html',
      contentType: 'text/html',
      size: fake.length,
    });
    const id = await upload({ filename: 'photo.png', contentType: 'image/png', bytes: fake });

    // Act
    const attached = await openWith([id]);

    // Assess
    expect(html.status, html.text).toBe(400);
    expect(html.body.errors).toEqual([
      expect.objectContaining({ field: 'contentType', code: 'not_allowed' }),
    ]);
    expect(attached.status, attached.text).toBe(422);
    expect(attached.body.type).toBe(problemType('uploadMismatch'));
  });

  it(`refuses more than ${MAX_ATTACHMENTS} files on one message`, async () => {
    // Prepare
    const ids = Array.from(
      { length: MAX_ATTACHMENTS + 1 },
      (_, n) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`
    );

    // Act
    const refused = await openWith(ids);

    // Assess
    expect(refused.status, refused.text).toBe(400);
    expect(refused.body.errors).toEqual([
      expect.objectContaining({ field: 'attachments', code: 'too_many' }),
    ]);
  });
});
