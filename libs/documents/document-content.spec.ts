import { acceptedTypeOf, attachmentDisposition, rechunk, sanitizeFilename } from './document-content.js';

async function* pieces(...sizes: number[]) {
  let value = 0;
  for (const size of sizes) yield Buffer.from(Array.from({ length: size }, () => value++ % 256));
}

describe('sanitizeFilename', () => {
  it('keeps a plain name with Danish letters', () => {
    expect(sanitizeFilename('Budget for Ærø kommune.pdf', 'pdf')).toBe('Budget for Ærø kommune.pdf');
  });

  it('takes the last part of a path and drops characters a header or file system refuses', () => {
    expect(sanitizeFilename('C:\\Users\\x\\..\\"bud<get>"\r\n.pdf', 'pdf')).toBe('budget.pdf');
    expect(sanitizeFilename('../../etc/passwd', 'pdf')).toBe('passwd.pdf');
  });

  it('ends in the extension of the content, whatever the name said', () => {
    expect(sanitizeFilename('budget.exe', 'pdf')).toBe('budget.exe.pdf');
    expect(sanitizeFilename('foto.JPEG', 'jpg')).toBe('foto.JPEG');
  });

  it('names a file without a usable name', () => {
    expect(sanitizeFilename(undefined, 'png')).toBe('dokument.png');
    expect(sanitizeFilename(' ... ', 'png')).toBe('dokument.png');
  });

  it('shortens a long name to 200 characters and keeps its extension', () => {
    const name = sanitizeFilename(`${'x'.repeat(500)}.pdf`, 'pdf');
    expect(name).toHaveLength(200);
    expect(name.endsWith('.pdf')).toBe(true);
  });
});

describe('rechunk', () => {
  it('regroups pieces into chunks of the size, the last one shorter, with every byte in order', async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of rechunk(pieces(3, 7, 1, 5), 4)) chunks.push(Buffer.from(chunk));
    expect(chunks.map((chunk) => chunk.length)).toEqual([4, 4, 4, 4]);
    expect([...Buffer.concat(chunks)]).toEqual(Array.from({ length: 16 }, (_, index) => index));
  });
});

describe('acceptedTypeOf', () => {
  it('knows a PDF by its content and refuses text and an executable', async () => {
    expect(await acceptedTypeOf(Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n'))).toEqual({ ext: 'pdf', mime: 'application/pdf' });
    expect(await acceptedTypeOf(Buffer.from('Dette er bare tekst, selv om filen hedder .pdf'))).toBeUndefined();
    const exe = Buffer.alloc(512);
    exe.write('MZ', 0, 'latin1');
    expect(await acceptedTypeOf(exe)).toBeUndefined();
  });
});

describe('attachmentDisposition', () => {
  it('gives the name in ASCII and in full', () => {
    expect(attachmentDisposition('Budget Ærø "endelig".pdf')).toBe(
      `attachment; filename="Budget AEroe endelig.pdf"; filename*=UTF-8''Budget%20%C3%86r%C3%B8%20%22endelig%22.pdf`,
    );
  });
});
