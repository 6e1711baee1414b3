/** "arn:aws:iam::1:user/admin" → user “admin”; "arn:aws:sts::1:assumed-role/Admin/jo" → role “Admin” (jo). */
export function who(arn: string): string {
  const resource = arn.split(':').slice(5).join(':');
  const [kind, ...rest] = resource.split('/');
  if (kind === 'assumed-role') return `role “${rest[0]}”${rest[1] ? ` (${rest[1]})` : ''}`;
  if (kind === 'user') return `user “${rest.at(-1)}”`;
  return resource;
}
