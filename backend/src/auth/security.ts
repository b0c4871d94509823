import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import cookieParser from 'cookie-parser';
import helmet from 'helmet';
import type { AuthConfig } from './auth-config.js';
import { CSRF_HEADER } from './cookies.js';

/**
 * HTTP hardening applied in createApp before any route: security headers,
 * cookies, body size limits, and CORS closed unless DVK_CORS_ORIGINS names
 * the origins that may call the API from a browser.
 */
export function applySecurity(app: NestExpressApplication, config: AuthConfig): void {
  if (config.trustProxy !== null) app.set('trust proxy', config.trustProxy);
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          // Plain-HTTP installs on an office LAN are common: do not force https for subresources.
          upgradeInsecureRequests: null,
          // ECharts and Svelte set inline styles; scripts stay 'self' only.
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:', 'blob:'],
        },
      },
      // HSTS only makes sense behind TLS; a proxy that terminates TLS can add it.
      strictTransportSecurity: config.secureCookies === true,
      referrerPolicy: { policy: 'same-origin' },
    }),
  );
  // API answers hold unit data: never kept by the browser's or a proxy's cache (a later handler may relax it).
  app.use('/api', (_req: Request, res: Response, next: NextFunction) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  app.use(cookieParser());
  app.useBodyParser('json', { limit: config.bodyLimit });
  app.useBodyParser('urlencoded', { limit: config.bodyLimit, extended: false, parameterLimit: 100 });
  app.use(bodyErrors(config.bodyLimit));
  if (config.corsOrigins.length > 0) {
    app.enableCors({
      origin: config.corsOrigins,
      credentials: true,
      methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
      allowedHeaders: ['content-type', 'accept', CSRF_HEADER],
      maxAge: 600,
    });
  }
}

/** Body-parser failures as Vietnamese JSON (they happen before Nest's exception filter can see them). */
function bodyErrors(limit: string) {
  return (error: { type?: string; status?: number } | undefined, _req: Request, res: Response, next: NextFunction): void => {
    if (!error) return next();
    const status = error.status ?? 400;
    const message =
      error.type === 'entity.too.large'
        ? `Dữ liệu gửi lên quá lớn (giới hạn ${limit}). Tệp tải lên hãy gửi qua trang Tải tệp.`
        : error.type === 'entity.parse.failed'
          ? 'Dữ liệu JSON gửi lên không hợp lệ.'
          : status < 500
            ? 'Yêu cầu không hợp lệ.'
            : 'Lỗi máy chủ. Vui lòng thử lại hoặc báo cho quản trị viên.';
    res.status(status >= 400 && status < 600 ? status : 400).json({ statusCode: status, message });
  };
}
