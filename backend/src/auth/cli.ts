import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { createApp } from '../app.js';
import type { AppConfig } from '../config/app-config.js';
import { AuthService } from './auth.service.js';

/**
 * `node backend/dist/main.js create-admin --username NAME [--unit ID]`:
 * creates an admin while the server is stopped (DuckDB has one writer).
 * The password comes from DVK_ADMIN_PASSWORD or is read from stdin.
 */
export async function runCreateAdmin(args: string[], config: AppConfig): Promise<number> {
  const { values } = parseArgs({ args, options: { username: { type: 'string' }, unit: { type: 'string' } }, allowPositionals: false });
  if (!values.username) {
    console.error('Cách dùng: node backend/dist/main.js create-admin --username <tên> [--unit <mã đơn vị>]  (mật khẩu lấy từ DVK_ADMIN_PASSWORD hoặc nhập vào)');
    return 2;
  }
  let password = process.env.DVK_ADMIN_PASSWORD ?? '';
  if (!password) {
    const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: false });
    password = (await rl.question('Mật khẩu (ít nhất 10 ký tự): ')).trim();
    rl.close();
  }
  let app;
  try {
    app = await createApp({ ...config, logLevel: 'warn', auth: { ...config.auth, adminUser: null, adminPassword: null } });
    await app.init();
  } catch (error) {
    const locked = error instanceof Error && /lock/i.test(error.message);
    console.error(locked ? 'Cơ sở dữ liệu đang được máy chủ sử dụng: hãy dừng máy chủ rồi chạy lại lệnh này.' : 'Không mở được cơ sở dữ liệu.');
    return 1;
  }
  try {
    const id = await app.get(AuthService).createUser(
      { username: values.username, password, role: 'admin', unitId: values.unit ? Number(values.unit) : null, displayName: 'Quản trị viên' },
      null,
    );
    console.log(`Đã tạo tài khoản quản trị "${values.username.toLowerCase()}" (mã ${id}).`);
    return 0;
  } catch (error) {
    const response = (error as { getResponse?: () => unknown }).getResponse?.() as { message?: string } | undefined;
    console.error(response?.message ?? 'Không tạo được tài khoản.');
    return 1;
  } finally {
    await app.close();
  }
}
