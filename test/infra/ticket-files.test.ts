/** Ticket files on AWS: the tickets function's access to the mail bucket, and the bucket's CORS for the portal. */
import { describe, expect, it } from 'vitest';
import { ENV } from '#core/platform/config';
import { actionsOf, allowStatementsOf, logicalIdOf, synthPortico } from './app.ts';

const { api, stateful, apiTemplate, statefulTemplate, config } = synthPortico('prod');
const apiResources = apiTemplate.toJSON().Resources;
const ticketsId = logicalIdOf(api.functions.tickets);
const ticketStatements = () =>
  allowStatementsOf(apiTemplate, apiResources[ticketsId].Properties.Role['Fn::GetAtt'][0]);

describe('ticket files', () => {
  it('lets the tickets function read and write only attachments/ and uploads/ of the mail bucket, never delete', () => {
    // Act
    const s3 = ticketStatements()
      .filter((s) => actionsOf([s]).some((a) => a.startsWith('s3:')))
      .flatMap((s) =>
        // IAM merges actions and resources into as few statements as it can.
        [s.Resource].flat().flatMap((resource) => {
          const text = JSON.stringify(resource);
          expect(text).toContain('"Fn::ImportValue":"Portico-prod-MailBucketName"');
          const prefix = /\/(\w+)\/\*"/.exec(text)?.[1];
          return actionsOf([s]).map((action) => `${action} ${prefix}`);
        })
      );

    // Assess
    expect(s3.sort()).toEqual([
      's3:GetObject attachments',
      's3:GetObject uploads',
      's3:PutObject attachments',
      's3:PutObject uploads',
    ]);
  });

  it('tells the tickets function which bucket holds the files', () => {
    // Act
    const env = apiResources[ticketsId].Properties.Environment.Variables;

    // Assess
    expect(JSON.stringify(env[ENV.mailBucket])).toContain('Portico-prod-MailBucketName');
  });

  it('lets only the stage’s portal origins PUT uploads and GET files from a browser', () => {
    // Act
    const bucket = statefulTemplate.toJSON().Resources[logicalIdOf(stateful.mail.bucket)];
    const cors = bucket.Properties.CorsConfiguration.CorsRules;

    // Assess
    expect(cors).toEqual([
      {
        AllowedOrigins: config.api.corsAllowOrigins,
        AllowedMethods: ['PUT', 'GET'],
        AllowedHeaders: ['content-type'],
        ExposedHeaders: ['ETag'],
        MaxAge: 3600,
      },
    ]);
    expect(config.api.corsAllowOrigins).not.toContain('*');
  });
});
