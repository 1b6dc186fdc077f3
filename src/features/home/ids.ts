export const HomeIds = {
  event: 'app_home_opened',
} as const;
