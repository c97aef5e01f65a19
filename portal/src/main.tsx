import { render } from 'preact';
import { createApi } from './api/client.ts';
import { App } from './app.tsx';
import { registerPool } from './auth/session.ts';
import { cognitoUrl, loadConfig } from './config.ts';
import { PortalContext } from './ui/context.ts';

const root = document.getElementById('app');
if (root) {
  const config = await loadConfig();
  const endpoint = cognitoUrl(config.auth);
  registerPool('client', endpoint, {
    clientId: config.auth.userPoolClientId,
    userPoolId: config.auth.userPoolId,
    signInFlow: config.signIn.client,
  });
  registerPool('staff', endpoint, {
    clientId: config.auth.staff.userPoolClientId,
    userPoolId: config.auth.staff.userPoolId,
    signInFlow: config.signIn.staff,
  });
  render(
    <PortalContext.Provider value={{ api: createApi(config.apiUrl), config }}>
      <App />
    </PortalContext.Provider>,
    root
  );
}
