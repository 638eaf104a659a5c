// The bootcamp sessions (../shared/seeds/) whose Dockerfile lessons the rules
// teach; each rule's `meta.course` names the session and the part of it.
import type { Localized } from '../util/i18n';
import type { CourseRef, CourseSession } from './types';

export const SESSIONS = {
  /** Seed 003: naming, tags, digests. */
  imagesAndContainers: {
    id: 'w1d2-s4',
    title: { ko: '1주차 2일 · 세션 4: Docker 이미지와 컨테이너', en: 'Week 1 Day 2 · Session 4: Docker images and containers' },
  },
  /** Seed 001, session 1: layers, tags, image optimisation. */
  imageLayers: {
    id: 'w1d3-s1',
    title: { ko: '1주차 3일 · 세션 1: Docker 이미지 구조와 레이어 시스템', en: 'Week 1 Day 3 · Session 1: Image structure and the layer system' },
  },
  /** Seed 001, session 2: Dockerfile syntax, multi-stage builds, best practices. */
  dockerfileBestPractices: {
    id: 'w1d3-s2',
    title: { ko: '1주차 3일 · 세션 2: Dockerfile 작성법과 베스트 프랙티스', en: 'Week 1 Day 3 · Session 2: Writing Dockerfiles and best practices' },
  },
  /** Seed 001, afternoon challenge phase 1: basic → multi-stage Node Dockerfile. */
  buildChallenge: {
    id: 'w1d3-challenge',
    title: { ko: '1주차 3일 · 실습 챌린지 Phase 1: 커스텀 이미지 빌드 & 최적화', en: 'Week 1 Day 3 · Challenge phase 1: building and optimising a custom image' },
  },
  /** Seed 004: Dockerfile instruction table. */
  basicsInstructions: {
    id: 'docker-basics-dockerfile',
    title: { ko: 'Docker 기본 이해 · Dockerfile 명령어 설명', en: 'Docker basics · Dockerfile instructions' },
  },
  /** Seed 004: multi-stage build for deployment (React + nginx). */
  basicsMultiStage: {
    id: 'docker-basics-multistage',
    title: { ko: 'Docker 기본 이해 · Docker 배포 멀티스테이지 빌드', en: 'Docker basics · Multi-stage builds for deployment' },
  },
} satisfies Record<string, CourseSession>;

export function courseRef(session: CourseSession, section: Localized): CourseRef {
  return { session, section };
}
