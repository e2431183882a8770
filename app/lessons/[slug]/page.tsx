import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { LessonLayout } from "@/components/lesson/LessonLayout";
import { getGlossary, getLesson, getLessonSummaries, getLessons } from "@/lib/lessons/content";

export const dynamicParams = false;

export function generateStaticParams() {
  return getLessons().map((l) => ({ slug: l.slug }));
}

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const lesson = getLesson((await params).slug);
  return lesson ? { title: lesson.title, description: lesson.summary } : {};
}

export default async function LessonPage({ params }: Props) {
  const { slug } = await params;
  const lesson = getLesson(slug);
  if (!lesson) notFound();
  const all = getLessonSummaries();
  const i = all.findIndex((l) => l.slug === slug);
  return (
    <LessonLayout lesson={lesson} glossary={getGlossary()} prev={all[i - 1]} next={all[i + 1]} />
  );
}
