/**
 * Cognito's CustomMessage trigger: Portico's wording, in the login's
 * language, for the password reset code, an operator's new login and email
 * verification. Any other trigger source (sign-up is off, MFA codes go
 * through an app) is answered unchanged, so Cognito keeps its own message.
 */
import type { CustomMessageTriggerEvent } from 'aws-lambda';
import { cognitoMessage, isWordedSource } from '#core/mail/cognito-messages';
import type { TableStore } from '#core/table/store';
import { loginLanguage } from './login-language.ts';

export const customMessage =
  (store: TableStore) =>
  async (event: CustomMessageTriggerEvent): Promise<CustomMessageTriggerEvent> => {
    const source = event.triggerSource;
    if (!isWordedSource(source)) return event;
    const { userAttributes, codeParameter, usernameParameter } = event.request;
    const message = cognitoMessage({
      source,
      language: await loginLanguage(store, userAttributes.sub),
      codeParameter,
      usernameParameter: usernameParameter ?? undefined,
      givenName: userAttributes.given_name,
    });
    event.response.emailSubject = message.emailSubject;
    event.response.emailMessage = message.emailMessage;
    return event;
  };
