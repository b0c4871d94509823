import { BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';

/** Vietnamese wording for class-validator's constraints, keyed by constraint name. */
const MESSAGES: Record<string, (field: string) => string> = {
  isInt: (f) => `"${f}" phải là số nguyên`,
  isNumber: (f) => `"${f}" phải là số`,
  isString: (f) => `"${f}" phải là chuỗi ký tự`,
  isNotEmpty: (f) => `"${f}" không được để trống`,
  isDefined: (f) => `Thiếu "${f}"`,
  isIn: (f) => `"${f}" không thuộc các giá trị cho phép`,
  isEnum: (f) => `"${f}" không thuộc các giá trị cho phép`,
  min: (f) => `"${f}" nhỏ hơn giá trị tối thiểu`,
  max: (f) => `"${f}" lớn hơn giá trị tối đa`,
  isBoolean: (f) => `"${f}" phải là true hoặc false`,
  isDateString: (f) => `"${f}" phải là ngày dạng YYYY-MM-DD`,
  maxLength: (f) => `"${f}" quá dài`,
  minLength: (f) => `"${f}" quá ngắn`,
  whitelistValidation: (f) => `Không chấp nhận trường "${f}"`,
  isArray: (f) => `"${f}" phải là danh sách`,
  matches: (f) => `"${f}" sai định dạng`,
};

function flatten(errors: ValidationError[], prefix = ''): string[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.keys(error.constraints ?? {}).map((key) => MESSAGES[key]?.(field) ?? `"${field}" không hợp lệ`);
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/** The global pipe: whitelists, transforms, and answers 400 in Vietnamese naming each field. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: true },
    exceptionFactory: (errors) =>
      new BadRequestException({ statusCode: 400, error: 'Yêu cầu không hợp lệ', message: flatten(errors) }),
  });
}
