import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A PDF document as kept with its case (a letter that was sent, a DPIA report).' })
export class PdfDocument {
  @Field({ description: 'A file name to save it under, e.g. AVG-2026-00012-decision.pdf' }) fileName: string;
  @Field({ description: 'Always application/pdf' }) contentType: string;
  @Field({ description: 'SHA-256 (hex) of the file, as recorded when the document was made' }) sha256: string;
  @Field(() => Int) sizeBytes: number;
  @Field({ description: 'The file, base64-encoded' }) base64: string;
}
