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
  registerPool('client', endpoint, config.auth.userPoolClientId);
  registerPool('staff', endpoint, config.auth.staff.userPoolClientId);
  render(
    <PortalContext.Provider value={{ api: createApi(config.apiUrl), config }}>
      <App />
    </PortalContext.Provider>,
    root
  );
}
