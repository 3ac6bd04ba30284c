import { ApiError, authorizedFetch } from './api';

/**
 * Saves a file the API answers (a CSV export): a plain link cannot carry the signed-in token,
 * so the file is fetched with it and handed to the browser as a download.
 */
export async function download(url: string, fallbackName: string): Promise<void> {
  const response = await authorizedFetch(url);
  if (!response.ok)
    throw new ApiError(response.status, `${response.status} ${response.statusText}`);
  const named = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '');
  const link = document.createElement('a');
  link.href = URL.createObjectURL(await response.blob());
  link.download = named?.[1] ?? fallbackName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}
