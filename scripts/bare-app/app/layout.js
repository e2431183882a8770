export const metadata = {
  title: "Bare Next.js page",
  description: "A one-page Next.js app: the baseline Relay Lab's pages are measured against.",
};

export default function RootLayout({ children }) {
  return (
    <html lang="en">
      <body>
        <main>{children}</main>
      </body>
    </html>
  );
}
