/** How a connection holds its AWS access: a kept key (AKIA…), a temporary one (ASIA…), or a profile. */
export type CredentialKind = 'long-term' | 'temporary' | 'aws-profile';
