/**
 * Advice, not refusal: support must be able to reach a customer when the
 * services hosted with us are down, so at least one contact should have an
 * email on a domain that is not hosted here.
 */
export interface Warning {
  code: string;
  message: string;
}

const domainOf = (email: string) => email.slice(email.lastIndexOf('@') + 1).toLowerCase();

export const externalEmailWarnings = (
  contactEmails: string[],
  hostedDomains: string[]
): Warning[] => {
  if (hostedDomains.length === 0) return [];
  const hosted = new Set(hostedDomains.map((domain) => domain.toLowerCase()));
  if (contactEmails.some((email) => !hosted.has(domainOf(email)))) return [];
  return [
    {
      code: 'no-external-email',
      message:
        `Every contact email is on a domain hosted with us (${[...hosted].join(', ')}). ` +
        'Add one elsewhere so we can reach you when those services are down.',
    },
  ];
};
