export const docxReader = {} as import('../types').Reader;
