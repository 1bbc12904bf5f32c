import { Anchor, type AnchorProps, NavLink, type NavLinkProps } from '@mantine/core';
import { createLink } from '@tanstack/react-router';
import { type AnchorHTMLAttributes, forwardRef } from 'react';

type Html = AnchorHTMLAttributes<HTMLAnchorElement>;

const MantineAnchor = forwardRef<HTMLAnchorElement, AnchorProps & Html>((props, ref) => (
  <Anchor component="a" ref={ref} {...props} />
));
const MantineNavLink = forwardRef<HTMLAnchorElement, NavLinkProps & Omit<Html, 'color' | 'style'>>(
  (props, ref) => <NavLink component="a" ref={ref} {...props} />,
);

/** Mantine's anchor and nav link as typed router links (checked paths and params). */
export const AnchorLink = createLink(MantineAnchor);
export const NavLinkTo = createLink(MantineNavLink);
