/** Says once which databases the data-layer tests run on; loudly when PostgreSQL is left out. */
export default function setup(): void {
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    process.stderr.write(
      `\n数据层测试：SQLite 与 PostgreSQL（${url.replace(/\/\/[^@/]*@/, '//')}，每组测试独立 schema）\n\n`,
    );
    return;
  }
  process.stderr.write(
    '\n⚠ PostgreSQL 测试已跳过：未设置 TEST_DATABASE_URL（如 postgres://postgres@127.0.0.1:5432/test）。只在 SQLite 上运行了数据层测试。\n\n',
  );
}
