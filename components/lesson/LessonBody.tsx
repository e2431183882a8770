import { compileMDX } from "next-mdx-remote/rsc";
import remarkGfm from "remark-gfm";
import type { GlossaryEntry } from "@/lib/lessons/glossary";
import type { Lesson } from "@/lib/lessons/schema";
import { lessonMdxComponents } from "./mdx-components";

/** Renders a lesson's MDX on the server (at build time for the static export): plain HTML, no JS. */
export async function LessonBody({
  lesson,
  glossary,
}: {
  lesson: Lesson;
  glossary: readonly GlossaryEntry[];
}) {
  const { content } = await compileMDX({
    source: lesson.body,
    components: lessonMdxComponents(glossary, lesson.slug),
    options: { mdxOptions: { remarkPlugins: [remarkGfm] } },
  }).catch((e: unknown) => {
    throw new Error(
      `content/lessons/${lesson.file}: MDX does not compile: ${e instanceof Error ? e.message : String(e)}`,
    );
  });
  return <div className="lesson-prose text-lg">{content}</div>;
}
