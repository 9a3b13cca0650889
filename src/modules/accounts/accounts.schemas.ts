import { z } from 'zod';
import { roles } from '../../db/schema/accounts.js';
import { codeSchema } from '../campaigns/campaign-config.js';

export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(3, 'tên đăng nhập dài ít nhất 3 ký tự')
  .max(64)
  .regex(/^[a-z0-9][a-z0-9._-]*$/, 'tên đăng nhập chỉ gồm chữ thường không dấu, số, ".", "_" hoặc "-"');

export const loginBody = z.object({
  username: z.string().trim().toLowerCase().min(1).max(64),
  password: z.string().min(1).max(1024),
  /** The second factor: a 6-digit TOTP code or a recovery code. */
  code: z.string().trim().max(32).optional(),
});

export const userSchema = z.object({
  id: z.uuid(),
  username: z.string(),
  role: z.enum(roles),
  bodyCode: z.string().nullable(),
  displayName: z.string().nullable(),
  disabled: z.boolean(),
  createdAt: z.date(),
});

export const createUserBody = z
  .object({
    username: usernameSchema,
    password: z.string().max(1024),
    role: z.enum(roles),
    bodyCode: codeSchema.optional(),
    displayName: z.string().trim().max(200).optional(),
  })
  .refine((u) => (u.role === 'body') === (u.bodyCode !== undefined), {
    message: 'tài khoản đơn vị (role body) cần mã đơn vị; các vai trò khác thì không',
    path: ['bodyCode'],
  });

export const updateUserBody = z.object({
  password: z.string().max(1024).optional(),
  disabled: z.boolean().optional(),
  displayName: z.string().trim().max(200).optional(),
});

export const changePasswordBody = z.object({
  currentPassword: z.string().min(1).max(1024),
  newPassword: z.string().max(1024),
});

export const loginResult = z.object({
  token: z.string(),
  expiresAt: z.string(),
  user: userSchema,
});

export type CreateUserInput = z.infer<typeof createUserBody>;
