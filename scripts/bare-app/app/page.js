// A heading and a paragraph: the paragraph is the largest paint, as prose is on Relay Lab's pages.
export default function Page() {
  return (
    <>
      <h1>A bare Next.js page</h1>
      <p>
        This page has no styles, fonts or client components of its own. It carries only what every
        Next.js page with the App Router carries: React, the router and the framework runtime, so
        its figures are the floor that a page of the real site is compared with in the same run.
      </p>
    </>
  );
}
